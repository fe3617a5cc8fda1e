package org.aelab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aelab.data.Datasets;
import org.aelab.model.Autoencoder;
import org.aelab.nn.Activation;
import org.aelab.train.History;
import org.aelab.train.Optimizer;
import org.aelab.train.Trainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code examples in the Javadoc of {@link LineChart} and {@link Progress}, verbatim, compiled and run. */
class JavadocExamplesTest {
    record Run(double momentum, History history) {
    }

    private static History train(double momentum, int epochs) {
        Autoencoder ae = Autoencoder.builder().input(8).hidden(3, Activation.SIGMOID).seed(1).build();
        return ae.fit(Trainer.builder().optimizer(Optimizer.momentum(0.05, momentum)).epochs(epochs).build(),
                Datasets.oneHot(8), Datasets.oneHot(8));
    }

    @AfterEach
    void backToTheDefaultOutput() {
        System.clearProperty("aelab.output");
        Viz.reset();
    }

    @Test
    void lineChartExample(@TempDir Path dir) throws IOException {
        System.setProperty("aelab.output", dir.toString());
        Viz.reset();
        History history = train(0.9, 5);
        List<Run> runs = List.of(new Run(0, train(0, 4)), new Run(0.9, train(0.9, 4)));
        // --- the example ---
        Viz.show(LineChart.of(history.table(), "epoch", "loss", "validation").withTitle("8-3-8, lr 0.05").withLogY());
        LineChart sweep = LineChart.create().withTitle("momentum sweep, lr 0.01");
        for (Run run : runs) {
            sweep = sweep.withCurve("m = " + run.momentum(), run.history().table(), "epoch", "loss");
        }
        // ---
        assertEquals("LineChart[\"momentum sweep, lr 0.01\", 2 curves [m = 0.0 (4 points), m = 0.9 (4 points)]]",
                sweep.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".html")), "the chart was written as a page");
        }
    }

    @Test
    void progressExample() {
        // --- the example ---
        Trainer trainer = Trainer.builder().optimizer(Optimizer.sgd(0.1)).epochs(100).listener(Progress.auto()).build();
        // ---
        assertEquals(100, trainer.epochs());
        History history = Autoencoder.builder().input(8).hidden(3, Activation.SIGMOID).seed(1).build()
                .fit(trainer, Datasets.oneHot(8));
        assertEquals(100, history.epochs());
    }
}
