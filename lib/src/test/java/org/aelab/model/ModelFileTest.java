package org.aelab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.aelab.data.Datasets;
import org.aelab.nn.Activation;
import org.aelab.nn.Dense;
import org.aelab.tensor.Matrix;
import org.aelab.train.Optimizer;
import org.aelab.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    private static final Map<String, String> PARAMETERS = Map.of("rho", "0.02", "epochs", "3");

    private static Autoencoder model(long seed, boolean tied) {
        return Autoencoder.builder().input(9).hidden(4, Activation.SIGMOID).output(Activation.SIGMOID)
                .tiedWeights(tied).seed(seed).build();
    }

    private static void train(Autoencoder ae) {
        ae.fit(Trainer.builder().optimizer(Optimizer.sgd(0.5)).epochs(20).build(), Datasets.binaryPatterns3x3());
    }

    @Test
    void roundTripRestoresEveryWeight(@TempDir Path dir) throws IOException {
        for (boolean tied : new boolean[] {false, true}) {
            Autoencoder trained = model(1, tied);
            train(trained);
            Path file = dir.resolve("nested-" + tied + "/model.aelab");
            ModelFile.save(file, trained.layers(), PARAMETERS);
            Autoencoder fresh = model(2, tied);
            ModelFile.loadInto(file, fresh.layers(), PARAMETERS);
            for (int i = 0; i < trained.layers().layers().size(); i++) {
                Dense a = (Dense) trained.layers().layer(i);
                Dense b = (Dense) fresh.layers().layer(i);
                assertTrue(a.weightsCopy().sameValues(b.weightsCopy()) && a.biasCopy().sameValues(b.biasCopy()), "layer " + i);
            }
            try (var files = Files.list(file.getParent())) {
                assertEquals(List.of(file.getFileName().toString()), files.map(f -> f.getFileName().toString()).toList(),
                        "only the model file, no temporary file left behind");
            }
        }
    }

    @Test
    void mismatchesAreRefusedAndLeaveTheNetworkUnchanged(@TempDir Path dir) throws IOException {
        Autoencoder trained = model(1, false);
        Path file = dir.resolve("m.aelab");
        ModelFile.save(file, trained.layers(), PARAMETERS);
        Autoencoder other = model(3, false);
        Matrix before = other.encoder().get(0).weightsCopy();

        IOException parameters = assertThrows(IOException.class,
                () -> ModelFile.loadInto(file, other.layers(), Map.of("rho", "0.05", "epochs", "3")));
        assertTrue(parameters.getMessage().contains("trained with different parameters: rho saved 0.02, now 0.05"), parameters.getMessage());

        Autoencoder wider = Autoencoder.builder().input(9).hidden(5, Activation.SIGMOID).build();
        IOException shapes = assertThrows(IOException.class, () -> ModelFile.loadInto(file, wider.layers(), PARAMETERS));
        assertTrue(shapes.getMessage().contains("layer 0 is '9 4 sigmoid own', the network's is '9 5 sigmoid own'"), shapes.getMessage());

        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.aelab");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 10));
        IOException cut = assertThrows(IOException.class, () -> ModelFile.loadInto(truncated, other.layers(), PARAMETERS));
        assertTrue(cut.getMessage().contains("truncated.aelab is " + (bytes.length - 10) + " bytes long") && cut.getMessage().contains("(truncated)"),
                cut.getMessage());

        Path damaged = dir.resolve("damaged.aelab");
        byte[] flipped = bytes.clone();
        flipped[flipped.length - 3] ^= 0x40;
        Files.write(damaged, flipped);
        IOException crc = assertThrows(IOException.class, () -> ModelFile.loadInto(damaged, other.layers(), PARAMETERS));
        assertTrue(crc.getMessage().contains("fails its checksum"), crc.getMessage());

        Path future = dir.resolve("future.aelab");
        Files.write(future, new String(bytes, 0, 20, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("aelab-model 1", "aelab-model 2").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        IOException version = assertThrows(IOException.class, () -> ModelFile.loadInto(future, other.layers(), PARAMETERS));
        assertTrue(version.getMessage().contains("model format version 2, this aelab reads version 1"), version.getMessage());

        Path stranger = dir.resolve("stranger.aelab");
        Files.writeString(stranger, "PK\u0003\u0004 not a model\n");
        IOException magic = assertThrows(IOException.class, () -> ModelFile.loadInto(stranger, other.layers(), PARAMETERS));
        assertTrue(magic.getMessage().contains("is not an aelab model file"), magic.getMessage());

        assertTrue(before.sameValues(other.encoder().get(0).weightsCopy()), "refused loads changed nothing");
    }

    @Test
    void loadOrTrainReusesOnlyAMatchingFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("layer.aelab");
        Autoencoder first = model(1, false);
        int[] trainings = {0};
        assertFalse(ModelFile.loadOrTrain(file, first.layers(), PARAMETERS, () -> {
            trainings[0]++;
            train(first);
        }));
        Autoencoder second = model(2, false);
        assertTrue(ModelFile.loadOrTrain(file, second.layers(), PARAMETERS, () -> trainings[0]++));
        assertArrayEquals(first.decoder().get(0).weightsCopy().data(), second.decoder().get(0).weightsCopy().data());
        Autoencoder third = model(3, false);
        assertFalse(ModelFile.loadOrTrain(file, third.layers(), Map.of("rho", "0.1", "epochs", "3"), () -> trainings[0]++));
        assertTrue(trainings[0] == 2, "trained on the first and the mismatching call, not on the matching one");
    }
}
