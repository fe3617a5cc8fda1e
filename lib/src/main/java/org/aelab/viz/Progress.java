package org.aelab.viz;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.aelab.train.EpochStats;
import org.aelab.train.TrainingListener;

/**
 * Training progress that updates in place: epoch i/N, loss, validation loss, time per epoch and
 * time left. In a kernel it is one output replaced as training goes; outside a kernel it is one
 * line on stderr rewritten with {@code \r}. At most {@value #UPDATES_PER_SECOND} updates a
 * second, and always the final state when training ends.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder().optimizer(Optimizer.sgd(0.1)).epochs(100).listener(Progress.auto()).build();
 * }</pre>
 * (compiled and run in {@code JavadocExamplesTest})
 */
public final class Progress implements TrainingListener {
    static final int UPDATES_PER_SECOND = 5;
    private static final long MIN_NANOS_BETWEEN_UPDATES = 1_000_000_000L / UPDATES_PER_SECOND;
    private static final int BAR_WIDTH = 24;

    /** Where progress lines go. */
    interface Sink {
        void started(String line, String html);

        void update(String line, String html);

        void finished(String line, String html);
    }

    private final Sink sink;
    private final LongSupplier nanoClock;
    private final String label;
    private EpochStats latest;
    private boolean latestShown = true;
    private long lastShownNanos;
    private int totalEpochs;

    Progress(Sink sink, LongSupplier nanoClock, String label) {
        this.sink = sink;
        this.nanoClock = nanoClock;
        this.label = label;
    }

    /** In a kernel, a live output; otherwise a progress bar on stderr. */
    public static Progress auto() {
        return Viz.inKernel() ? live() : console(System.err);
    }

    /** A progress bar on {@code out}, one line rewritten with carriage returns. */
    public static Progress console(PrintStream out) {
        if (out == null) {
            throw new IllegalArgumentException("out must not be null; use System.err for the terminal");
        }
        return new Progress(new ConsoleSink(out), System::nanoTime, "");
    }

    /** An output in the notebook that updates in place (a file rewritten outside a kernel). */
    public static Progress live() {
        return new Progress(new LiveSink(), System::nanoTime, "");
    }

    /** The same progress with a label in front, e.g. "layer 1" or "m = 0.9". */
    public Progress withLabel(String label) {
        return new Progress(sink instanceof ConsoleSink c ? new ConsoleSink(c.out) : new LiveSink(), nanoClock,
                label == null ? "" : label);
    }

    @Override
    public void started(int totalEpochs) {
        this.totalEpochs = totalEpochs;
        latest = null;
        latestShown = true;
        lastShownNanos = nanoClock.getAsLong();
        String line = prefix() + "starting " + totalEpochs + " epochs";
        sink.started(line, html(line, 0, totalEpochs));
    }

    @Override
    public void epochEnded(EpochStats stats) {
        latest = stats;
        latestShown = false;
        long now = nanoClock.getAsLong();
        if (now - lastShownNanos >= MIN_NANOS_BETWEEN_UPDATES || stats.epoch() == stats.totalEpochs()) {
            lastShownNanos = now;
            latestShown = true;
            String line = line(stats);
            sink.update(line, html(line, stats.epoch(), stats.totalEpochs()));
        }
    }

    @Override
    public void finished() {
        String line;
        int done;
        if (latest == null) {
            line = prefix() + "no epochs ran";
            done = 0;
        } else {
            line = line(latest) + String.format(Locale.ROOT, " · done in %s", duration(latest.elapsedSeconds()));
            done = latest.epoch();
        }
        latestShown = true;
        sink.finished(line, html(line, done, Math.max(done, totalEpochs)));
    }

    private String prefix() {
        return label.isEmpty() ? "" : label + ": ";
    }

    /** "epoch 12/100 [###·····] loss 0.1235 · val 0.1300 · 0.21 s/epoch · 18 s left" */
    String line(EpochStats s) {
        int total = Math.max(1, s.totalEpochs());
        int filled = (int) Math.round(BAR_WIDTH * Math.min(1.0, (double) s.epoch() / total));
        StringBuilder out = new StringBuilder(prefix());
        out.append("epoch ").append(s.epoch()).append('/').append(s.totalEpochs()).append(" [")
                .append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] loss ")
                .append(TableHtml.number(s.loss()));
        if (!Double.isNaN(s.validationLoss())) {
            out.append(" · val ").append(TableHtml.number(s.validationLoss()));
        }
        out.append(" · ").append(twoDigits(s.seconds())).append(" s/epoch");
        if (s.epoch() < s.totalEpochs()) {
            out.append(" · ").append(duration(s.secondsLeft())).append(" left");
        }
        return out.toString();
    }

    private static String html(String line, int done, int total) {
        return "<div class=\"aelab-progress\" style=\"font-family: monospace; white-space: pre;\">"
                + "<progress value=\"" + done + "\" max=\"" + Math.max(1, total) + "\" style=\"width: 160px; "
                + "vertical-align: middle;\"></progress> " + Html.escape(line) + "</div>";
    }

    /** Two significant digits, no trailing zeros: 0.5, 0.12, 12, 1200. */
    static String twoDigits(double v) {
        if (!Double.isFinite(v)) {
            return "?";
        }
        return new BigDecimal(v).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** 42 s, 3 min 05 s, 1 h 02 min. */
    static String duration(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            return "?";
        }
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    boolean latestShown() {
        return latestShown;
    }

    @Override
    public String toString() {
        return "Progress[" + (sink instanceof ConsoleSink ? "console" : "live output") + (label.isEmpty() ? "" : ", " + label)
                + (latest == null ? "" : ", at epoch " + latest.epoch() + "/" + latest.totalEpochs()) + "]";
    }

    /** One line on a terminal, rewritten with '\r' and padded to hide the end of a longer earlier line. */
    static final class ConsoleSink implements Sink {
        private final PrintStream out;
        private int lastLength;

        ConsoleSink(PrintStream out) {
            this.out = out;
        }

        @Override
        public void started(String line, String html) {
            lastLength = 0;
            write(line);
        }

        @Override
        public void update(String line, String html) {
            write(line);
        }

        @Override
        public void finished(String line, String html) {
            write(line);
            out.print('\n');
            out.flush();
            lastLength = 0;
        }

        private void write(String line) {
            out.print('\r');
            out.print(line);
            if (lastLength > line.length()) {
                out.print(" ".repeat(lastLength - line.length()));
            }
            out.flush();
            lastLength = line.length();
        }
    }

    /** A live output per training run. */
    static final class LiveSink implements Sink {
        private LiveOutput output;

        @Override
        public void started(String line, String html) {
            output = Viz.live(Output.html(html));
        }

        @Override
        public void update(String line, String html) {
            if (output == null) {
                started(line, html);
            } else {
                output.update(Output.html(html));
            }
        }

        @Override
        public void finished(String line, String html) {
            update(line, html);
        }
    }
}
