package org.aelab.viz;

import java.io.UncheckedIOException;

import java.io.IOException;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aelab.io.AtomicFiles;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Outside a kernel: every output becomes a file in one directory and its path is printed. HTML
 * outputs are whole pages; pages with plots load plotly.js from a copy written once beside them
 * ({@code plotly-2.35.3.js}), so the directory works offline and each page stays small. Plain
 * text is printed, not written.
 */
final class FileFrontend implements Frontend {
    private final Path directory;
    private final PrintStream messages;
    private final boolean cdn;
    private final String runStamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    private int count;

    FileFrontend(Path directory, PrintStream messages, boolean cdn) {
        this.directory = directory.toAbsolutePath();
        this.messages = messages;
        this.cdn = cdn;
    }

    @Override
    public synchronized String display(Output output) {
        if (output.mimeType().equals(Output.TEXT)) {
            messages.println(output.content());
            return "text-" + (++count);
        }
        String extension = switch (fileType(output)) {
            case Output.PNG -> ".png";
            case Output.MARKDOWN -> ".md";
            default -> ".html";
        };
        Path file = directory.resolve(String.format("aelab-%s-%03d%s", runStamp, ++count, extension));
        write(file, output);
        messages.println("aelab: wrote " + file);
        return file.toString();
    }

    @Override
    public synchronized void update(String displayId, Output output) {
        if (output.mimeType().equals(Output.TEXT)) {
            messages.println(output.content());
        } else {
            write(Path.of(displayId), output);
        }
    }

    /** A figure is written as its HTML fallback, a page that loads plotly.js. */
    private static String fileType(Output output) {
        return output.isFigure() ? Output.HTML : output.mimeType();
    }

    private void write(Path file, Output output) {
        byte[] bytes = switch (fileType(output)) {
            case Output.PNG -> Base64.getDecoder().decode(output.content());
            case Output.HTML -> page(output).getBytes(StandardCharsets.UTF_8);
            default -> output.content().getBytes(StandardCharsets.UTF_8);
        };
        writeAtomically(file, bytes);
    }

    private static void writeAtomically(Path file, byte[] bytes) {
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private String page(Output output) {
        String head = "";
        if (output.isFigure()) {
            if (cdn) {
                head = PlotlyJs.cdnScript();
            } else {
                Path plotly = directory.resolve(PlotlyJs.FILE_NAME);
                if (!Files.isRegularFile(plotly)) {
                    writeAtomically(plotly, PlotlyJs.source().getBytes(StandardCharsets.UTF_8));
                }
                head = "<script type=\"text/javascript\" src=\"" + PlotlyJs.FILE_NAME + "\" charset=\"utf-8\"></script>\n";
            }
        }
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>aelab output</title>\n"
                + head + "</head>\n<body style=\"font-family: sans-serif\">\n" + output.get(Output.HTML) + "\n</body>\n</html>\n";
    }

    Path directory() {
        return directory;
    }

    @Override
    public boolean isKernel() {
        return false;
    }

    @Override
    public String describe() {
        return "files in " + directory;
    }
}
