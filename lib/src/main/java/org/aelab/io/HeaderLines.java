package org.aelab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads the text header of one of aelab's files (a model, a checkpoint) from its raw bytes, line by line,
 * tracking where the binary data after it begins. Every problem is an IOException naming the file.
 */
public final class HeaderLines {
    private static final int LONGEST_LINE = 100_000;

    private final Path file;
    private final byte[] bytes;
    private final String kind;
    private int position;

    /** @param kind what the file should be, for messages: "an aelab model file" */
    public HeaderLines(Path file, byte[] bytes, String kind) {
        this.file = file;
        this.bytes = bytes;
        this.kind = kind;
    }

    /** The next line, without its '\n'. */
    public String line() throws IOException {
        int end = position;
        while (end < bytes.length && bytes[end] != '\n' && end - position < LONGEST_LINE) {
            end++;
        }
        if (end >= bytes.length || bytes[end] != '\n') {
            throw new IOException(file + " ends inside its header (truncated, or not " + kind + ")");
        }
        if (end > position && bytes[end - 1] == '\r') {
            throw new IOException(file + " has Windows (CRLF) line endings in its header: it was converted as"
                    + " text (e.g. by git's core.autocrlf), which also damages its binary data; use the original"
                    + " file or save it again");
        }
        String line = new String(bytes, position, end - position, StandardCharsets.UTF_8);
        position = end + 1;
        return line;
    }

    /** The number N of the next line, which must read "{@code keyword} N" with N >= 0. */
    public int count(String keyword) throws IOException {
        String line = line();
        if (!line.startsWith(keyword + " ")) {
            throw new IOException(file + " expected a '" + keyword + " N' line, found '" + abbreviate(line) + "'");
        }
        try {
            int n = Integer.parseInt(line.substring(keyword.length() + 1).trim());
            if (n < 0) {
                throw new NumberFormatException("negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException(file + " has a bad count in '" + abbreviate(line) + "'", e);
        }
    }

    /** Where the next line (or the binary data, after the header's last line) begins. */
    public int position() {
        return position;
    }

    /** {@code s}, cut to 60 characters for a message. */
    public static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
