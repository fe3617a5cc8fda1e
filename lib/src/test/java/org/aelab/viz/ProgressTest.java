package org.aelab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aelab.train.EpochStats;
import org.junit.jupiter.api.Test;

class ProgressTest {
    /** A clock the test moves by hand: no sleeping, no timing. */
    static final class ManualClock {
        long nanos;

        long now() {
            return nanos;
        }
    }

    private static EpochStats epoch(int epoch, int total, double loss) {
        return new EpochStats(epoch, total, loss, loss, 0, Double.NaN, 0.5, 0.5 * epoch);
    }

    @Test
    void consoleBarRewritesOneLineWithCarriageReturns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ManualClock clock = new ManualClock();
        Progress progress = new Progress(new Progress.ConsoleSink(new PrintStream(bytes, true, StandardCharsets.UTF_8)),
                clock::now, "");
        progress.started(4);
        for (int e = 1; e <= 4; e++) {
            clock.nanos += 1_000_000_000L;
            progress.epochEnded(epoch(e, 4, 1.0 / e));
        }
        progress.finished();

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\rstarting 4 epochs"), out);
        assertTrue(out.contains("\repoch 1/4 [######..................] loss 1 · 0.5 s/epoch · 1.5 s left"), out);
        assertTrue(out.contains("\repoch 4/4 [########################] loss 0.25"), out);
        assertTrue(out.endsWith("done in 2.0 s\n"), out);
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), "a single line, ended once");
    }

    @Test
    void updatesAreThrottledButTheLastEpochAndTheFinalStateAlwaysShow() {
        List<String> lines = new ArrayList<>();
        Progress.Sink recorder = new Progress.Sink() {
            @Override
            public void started(String line, String html) {
                lines.add(line);
            }

            @Override
            public void update(String line, String html) {
                lines.add(line);
            }

            @Override
            public void finished(String line, String html) {
                lines.add(line);
            }
        };
        ManualClock clock = new ManualClock();
        Progress progress = new Progress(recorder, clock::now, "layer 1");
        progress.started(1000);
        for (int e = 1; e <= 1000; e++) {
            clock.nanos += 1_000_000L;  // 1 ms an epoch: 1 s in all, so about 5 updates
            progress.epochEnded(epoch(e, 1000, 1.0));
        }
        progress.finished();
        int updates = lines.size() - 2;
        assertTrue(updates >= 5 && updates <= 6, "about 5 updates a second, got " + updates + ": " + lines);
        assertTrue(lines.get(lines.size() - 2).startsWith("layer 1: epoch 1000/1000"), lines.toString());
        assertTrue(lines.get(lines.size() - 1).contains("done in"), lines.toString());
        assertTrue(progress.latestShown());
    }

    @Test
    void finishedShowsTheLatestEpochEvenIfTrainingStoppedEarly() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ManualClock clock = new ManualClock();
        Progress progress = new Progress(new Progress.ConsoleSink(new PrintStream(bytes, true, StandardCharsets.UTF_8)),
                clock::now, "");
        progress.started(100);
        progress.epochEnded(epoch(1, 100, 0.9));
        progress.epochEnded(epoch(2, 100, 0.8));
        assertFalse(progress.latestShown(), "throttled: no time has passed");
        progress.finished();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("\repoch 2/100") && out.contains("loss 0.8"), out);
    }

    @Test
    void durationsReadLikeAClock() {
        assertEquals("?", Progress.duration(Double.NaN));
        assertEquals("4.2 s", Progress.duration(4.2));
        assertEquals("42 s", Progress.duration(42));
        assertEquals("3 min 05 s", Progress.duration(185));
        assertEquals("1 h 02 min", Progress.duration(3720));
    }
}
