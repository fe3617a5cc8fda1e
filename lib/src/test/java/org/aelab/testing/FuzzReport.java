package org.aelab.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Counts the cases of one property-test class and prints their rate and the JVM's peak heap when it ends. */
public final class FuzzReport {
    private final String name;
    private final long started = System.nanoTime();
    private long cases;

    public FuzzReport(String name) {
        this.name = name;
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
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

    public void print() {
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("FUZZ %s: %d cases in %.1f s = %.0f cases/s; peak heap %.0f MiB of %.0f MiB max%n", name, cases,
                seconds, cases / seconds, peakHeapMib(), Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
    }
}
