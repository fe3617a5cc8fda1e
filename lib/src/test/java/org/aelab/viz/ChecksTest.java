package org.aelab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private enum Noise { MASKING, GAUSSIAN }

    @Test
    void recipeChecksPassAndFailWhenTheParametersAreTheSources() {
        Checks checks = Checks.recipe("learningRate", 0.05, 0.05, "epochs", 20_000, 20_000).printingTo(stream);
        checks.invariant("loss fell", 0.0193, "< first loss 0.6973", true);
        checks.ofRecipe("seeds with all 8 reconstructed", "10/10", "10/10", true);
        checks.ofRecipe("latest first all-right epoch", 25_000, "<= 20000", false);
        assertEquals(List.of(
                "CHECK loss fell = 0.0193 (expected < first loss 0.6973) PASS",
                "CHECK seeds with all 8 reconstructed = 10/10 (expected 10/10) PASS",
                "CHECK latest first all-right epoch = 25000 (expected <= 20000) FAIL"), lines());
        IllegalStateException error = assertThrows(IllegalStateException.class, checks::done);
        assertEquals("1 of 3 checks failed: latest first all-right epoch", error.getMessage());
    }

    @Test
    void recipeChecksSkipAndNameTheDifferingParameters() {
        Checks checks = Checks.recipe("learningRate", 0.2, 0.05, "momentum", 0.9, 0.9, "epochs", 10_000, 20_000)
                .printingTo(stream);
        assertEquals(List.of("learningRate", "epochs"), checks.differing());
        checks.ofRecipe("all 8 reconstructed", "2/10", "10/10", false);
        checks.invariant("loss fell", "0.1 < 0.7", "lower at the end", true);
        checks.done();   // a skipped recipe check never throws
        assertEquals(List.of(
                "CHECK all 8 reconstructed = 2/10 (expected 10/10) SKIP (parameters differ from the source's: learningRate, epochs)",
                "CHECK loss fell = 0.1 < 0.7 (expected lower at the end) PASS",
                "CHECKS: 1 passed, 0 failed, 1 skipped (parameters differ from the source's: learningRate, epochs)"), lines());
    }

    @Test
    void aNotebooksOwnRecipeIsNamedAsSuchWhenItsChecksSkip() {
        Checks checks = Checks.recipe("beta", 4.0, 1.0).notebookRecipe().printingTo(stream);
        checks.ofRecipe("KL per image", "2.1", "<= 8", true);
        checks.done();
        assertEquals(List.of(
                "CHECK KL per image = 2.1 (expected <= 8) SKIP (parameters differ from this notebook's recipe: beta)",
                "CHECKS: 0 passed, 0 failed, 1 skipped (parameters differ from this notebook's recipe: beta)"), lines());
    }

    @Test
    void aFailedInvariantThrowsEvenWhenTheParametersDiffer() {
        Checks checks = Checks.recipe("learningRate", 0.2, 0.05).printingTo(stream);
        checks.invariant("reconstruction beats the corrupted input", "0.3 vs 0.2", "reconstruction lower", false);
        checks.ofRecipe("accuracy", "97 %", ">= 98 %", false);
        IllegalStateException error = assertThrows(IllegalStateException.class, checks::done);
        assertTrue(error.getMessage().contains("reconstruction beats the corrupted input"), error.getMessage());
        assertFalse(error.getMessage().contains("accuracy"), error.getMessage());
    }

    @Test
    void doneWithoutChecksIsAnError() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Checks.create().printingTo(stream).done());
        assertTrue(error.getMessage().contains("no checks"), error.getMessage());
    }

    @Test
    void numbersCompareExactlyWhenWholeAndWithinARelativeToleranceWhenFloating() {
        assertTrue(new Checks.Entry("epochs", 20_000, 20_000L).matches());
        assertFalse(new Checks.Entry("epochs", 20_001, 20_000).matches());
        assertTrue(new Checks.Entry("lr", 0.1 + 0.2, 0.3).matches());          // 0.30000000000000004
        assertFalse(new Checks.Entry("lr", 0.3001, 0.3).matches());
        assertTrue(new Checks.Entry("level", 0.1f, 0.1).matches());            // float vs double
        assertFalse(new Checks.Entry("level", 0.0, 1e-12).matches());
        assertTrue(new Checks.Entry("epochs", 20_000, 20_000.0).matches());     // int against a double literal
    }

    @Test
    void arraysEnumsBooleansAndNullsCompareByValue() {
        assertTrue(new Checks.Entry("momenta", new double[] {0, 0.3, 0.6, 0.9}, new double[] {0.0, 0.3, 0.6, 0.9}).matches());
        assertFalse(new Checks.Entry("momenta", new double[] {0, 0.9}, new double[] {0, 0.3, 0.6, 0.9}).matches());
        assertFalse(new Checks.Entry("momenta", new double[] {0, 0.5}, new double[] {0, 0.9}).matches());
        assertTrue(new Checks.Entry("labels", new int[] {100, 1_000}, new long[] {100, 1_000}).matches());
        assertFalse(new Checks.Entry("labels", new int[] {100}, 100).matches());
        assertTrue(new Checks.Entry("noise", Noise.MASKING, Noise.MASKING).matches());
        assertFalse(new Checks.Entry("noise", Noise.GAUSSIAN, Noise.MASKING).matches());
        assertTrue(new Checks.Entry("fullBatch", true, true).matches());
        assertFalse(new Checks.Entry("fullBatch", false, true).matches());
        assertFalse(new Checks.Entry("noise", null, Noise.MASKING).matches());
    }

    @Test
    void badRecipeArgumentsNameWhatIsWrong() {
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> Checks.recipe("learningRate", 0.05));
        assertTrue(count.getMessage().contains("triples") && count.getMessage().contains("2 arguments"), count.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> Checks.recipe(0.05, 0.05, 0.05));
        assertTrue(name.getMessage().contains("argument 1 must be a parameter name"), name.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Checks.create().param(" ", 1, 1));
    }

    @Test
    void valuesPrintCompactly() {
        assertEquals("0.0193279", Checks.format(0.019327912345));
        assertEquals("3", Checks.format(3.0));
        assertEquals("1.23400e-05", Checks.format(1.234e-5));
        assertEquals("[0, 0.9]", Checks.format(new double[] {0, 0.9}));
        assertEquals("NaN", Checks.format(Double.NaN));
        assertEquals("10/10", Checks.format("10/10"));
    }

    @Test
    void itsStringIsTheSummaryNotAnObjectAddress() {
        Checks checks = Checks.create().printingTo(stream);
        checks.invariant("x", 1, "1", true);
        assertEquals("CHECKS: 1 passed, 0 failed, 0 skipped", checks.toString());
    }
}
