package org.aelab.tensor;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * dev.ludovic.netlib logs a warning for each implementation it cannot load (the Vector API one needs
 * {@code --add-modules jdk.incubator.vector}) before it settles on one; in a notebook that is noise on stderr,
 * so the lookup runs with its logger at SEVERE.
 */
final class Netlib {
    private Netlib() {
    }

    static <T> T quietly(String loggerName, Supplier<T> lookup) {
        Logger logger = Logger.getLogger(loggerName);
        Level previous = logger.getLevel();
        logger.setLevel(Level.SEVERE);
        try {
            return lookup.get();
        } finally {
            logger.setLevel(previous);
        }
    }
}
