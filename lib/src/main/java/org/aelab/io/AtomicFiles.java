package org.aelab.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file completely or not at all: a temporary file in the same directory, then a rename over the
 * target, so nothing a user saved (a model, a figure) is ever left half-written.
 */
public final class AtomicFiles {
    private static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code target}, creating its directory if needed. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        try {
            Files.createDirectories(dir);
            removeAbandonedTemporaries(absolute);
            Path temp = Files.createTempFile(dir, temporaryPrefix(absolute) + ProcessHandle.current().pid() + "-", TEMP_SUFFIX);
            try {
                Files.write(temp, bytes);
                readableByAll(temp);
                try {
                    Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new IOException("could not write " + absolute + ": " + e.getMessage(), e);
        }
    }

    /** ".NAME." then the writing process's id, a dash and random digits, then ".tmp". */
    private static String temporaryPrefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    /**
     * Deletes the temporary files of earlier writes of {@code target} whose process is gone (killed while
     * saving), so they do not pile up beside the file. A live process's temporary file is left alone.
     */
    private static void removeAbandonedTemporaries(Path target) throws IOException {
        String prefix = temporaryPrefix(target);
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(target.getParent(), prefix + "*" + TEMP_SUFFIX)) {
            for (Path candidate : candidates) {
                String rest = candidate.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                if (dash <= 0) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(rest.substring(0, dash));
                    if (ProcessHandle.of(pid).isEmpty()) {
                        Files.deleteIfExists(candidate);
                    }
                } catch (NumberFormatException e) {
                    // not one of ours: leave it
                }
            }
        }
    }

    /** Temporary files are private (rw-------); the finished file gets the usual rw-r--r--. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the default permissions are fine
        }
    }
}
