package org.aelab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One property-test class's scratch directory and counts: when it ends, prints the cases' rate and the JVM's
 * peak heap, and removes the directory.
 */
public final class FuzzReport {
    private final String name;
    private final Path scratch;
    private final long started = System.nanoTime();
    private long cases;

    public FuzzReport(String name) {
        this.name = name;
        try {
            this.scratch = Files.createTempDirectory("aelab-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** An empty directory of this class's own, for the files each case writes. */
    public Path scratch() {
        return scratch;
    }

    /** Deletes every file in {@link #scratch()}. */
    public void emptyScratch() throws IOException {
        try (var files = Files.list(scratch)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
    }

    /** Prints the report and removes the scratch directory. */
    public void finish() throws IOException {
        print();
        emptyScratch();
        Files.delete(scratch);
    }

    public void count() {
        cases++;
    }

    /** Sum of the heap pools' peak usage since this report started, in MiB. */
    public static double peakHeapMib() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }

    private void print() {
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("FUZZ %s: %d cases in %.1f s = %.0f cases/s; peak heap %.0f MiB of %.0f MiB max%n", name, cases,
                seconds, cases / seconds, peakHeapMib(), Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
    }
}
