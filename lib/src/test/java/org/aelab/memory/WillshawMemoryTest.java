package org.aelab.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WillshawMemoryTest {

    /**
     * Auto-association with n = 4, storing x¹ = 1100 and x² = 0110.
     *
     * <pre>
     * Hebb rule: row i |= x wherever x_i = 1.
     *   x¹ = 1100 sets rows 0 and 1 to 1100.
     *   x² = 0110 ORs 0110 into rows 1 and 2.
     *        col 0 1 2 3
     *   row 0:   1 1 0 0
     *   row 1:   1 1 1 0
     *   row 2:   0 1 1 0
     *   row 3:   0 0 0 0      → 7 ones of 16, fill 0.4375
     *
     * question 1100: sums s = (2, 2, 1, 0)
     *   hard T = 2 (ones in question) → 1100;  soft T = max s = 2 → 1100
     * question 1000 (one of x¹'s ones missing): s = (1, 1, 0, 0)
     *   hard T = 1 → 1100;  soft T = 1 → 1100: completed to x¹
     * question 0100 (shared by x¹ and x²): s = (1, 1, 1, 0)
     *   hard T = 1 → 1110;  soft T = 1 → 1110: the superposition x¹ OR x²
     * question 1101 (x¹ with a false one at 3): s = (2, 2, 1, 0)
     *   hard T = 3 → no unit reaches 3 → 0000, no answer;  soft T = 2 → 1100
     * </pre>
     */
    @Test
    void handWorked4x4LearningAndBothThresholds() {
        WillshawMemory memory = WillshawMemory.auto(4);
        memory.store(BinaryPattern.of(1, 1, 0, 0));
        memory.store(BinaryPattern.of(0, 1, 1, 0));

        int[][] expectedWeights = {{1, 1, 0, 0}, {1, 1, 1, 0}, {0, 1, 1, 0}, {0, 0, 0, 0}};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(expectedWeights[i][j], memory.weight(i, j), "w_" + i + j);
            }
        }
        assertEquals(7, memory.onesCount());
        assertEquals(7 / 16.0, memory.fillFraction());
        assertEquals(2, memory.pairsStored());

        assertArrayEquals(new int[] {2, 2, 1, 0}, memory.dendriticSums(BinaryPattern.of(1, 1, 0, 0)));
        assertRecall(memory, "1100", "1100", "1100");
        assertRecall(memory, "1000", "1100", "1100");
        assertRecall(memory, "0100", "1110", "1110");
        assertRecall(memory, "1101", "0000", "1100");
    }

    private static void assertRecall(WillshawMemory memory, String question, String hard, String soft) {
        BinaryPattern x = bits(question);
        assertEquals(bits(hard), memory.recall(x, Threshold.HARD), "hard recall of " + question);
        assertEquals(bits(soft), memory.recall(x, Threshold.SOFT), "soft recall of " + question);
    }

    private static BinaryPattern bits(String zerosAndOnes) {
        return BinaryPattern.of(zerosAndOnes.chars().map(c -> c - '0').toArray());
    }

    /**
     * Hetero-association 3×5: x = 10010 → y = 011, x' = 00011 → y' = 100.
     *
     * <pre>
     * rows where y_i = 1 get x ORed in: rows 1, 2 = 10010; row 0 = 00011.
     * question 10010: s = (1, 2, 2) → hard T = 2 → 011, soft T = 2 → 011
     * question 00001: s = (1, 0, 0) → hard T = 1 → 100, soft → 100
     * </pre>
     */
    @Test
    void handWorkedHeteroAssociation() {
        WillshawMemory memory = WillshawMemory.hetero(3, 5);
        memory.storeAll(List.of(bits("10010"), bits("00011")), List.of(bits("011"), bits("100")));
        assertArrayEquals(new int[] {1, 2, 2}, memory.dendriticSums(bits("10010")));
        assertEquals(bits("011"), memory.recall(bits("10010"), Threshold.HARD));
        assertEquals(bits("011"), memory.recall(bits("10010"), Threshold.SOFT));
        assertEquals(bits("100"), memory.recall(bits("00001"), Threshold.HARD));
        assertEquals(bits("100"), memory.recall(bits("00001"), Threshold.SOFT));
        assertEquals(6 / 15.0, memory.fillFraction());
    }

    @Test
    void hardThresholdCanGiveNoAnswerWhereSoftAnswers() {
        RandomPatterns sparse = new RandomPatterns(1000, 8, 3);
        List<BinaryPattern> patterns = sparse.generate(200);
        WillshawMemory memory = WillshawMemory.auto(1000);
        memory.storeAll(patterns);
        // a false one almost never lands on a column every true row is connected to
        SplittableRandom rng = new SplittableRandom(5);
        List<BinaryPattern> questions = patterns.stream().map(p -> p.withOnesAdded(2, rng)).toList();

        RecallQuality hard = RecallQuality.of(memory.recallAll(questions, Threshold.HARD), patterns);
        RecallQuality soft = RecallQuality.of(memory.recallAll(questions, Threshold.SOFT), patterns);
        assertTrue(hard.emptyFraction() > 0.9, "hard: " + hard);
        // soft always answers; it can lose a true one when a false one lifts another true unit's sum
        assertEquals(0, soft.empty(), "soft: " + soft);
        assertTrue(soft.perfectFraction() > 0.7, "soft: " + soft);
    }

    @Test
    void fillFractionMatchesFormulaForSourceExample() {
        // source 002: 20 000 patterns with ten ones in a 2 000-dimensional vector; the formula
        // 1 − (1 − M²/n²)^L assumes question and answer independent, so store random pairs
        int n = 2000;
        int ones = 10;
        int pairs = 20_000;
        RandomPatterns patterns = new RandomPatterns(n, ones, 42);
        WillshawMemory memory = WillshawMemory.hetero(n, n);
        memory.storeAll(patterns.generate(pairs), patterns.withSeed(43).generate(pairs));
        double expected = WillshawCapacity.expectedFill(n, ones, pairs); // 1 − (1 − 100/4·10⁶)^20000 = 0.3935
        assertEquals(expected, memory.fillFraction(), 0.01 * expected, memory.toString());
    }

    @Test
    void autoAssociationFillMatchesItsOwnFormula() {
        // with y = x a pattern cannot hold the same one twice: 0.3628 expected, not 0.3935
        WillshawMemory memory = WillshawMemory.auto(2000);
        memory.storeAll(new RandomPatterns(2000, 10, 42).generate(20_000));
        double expected = WillshawCapacity.expectedFillAuto(2000, 10, 20_000);
        assertEquals(expected, memory.fillFraction(), 0.01 * expected, memory.toString());
    }

    @Test
    void perfectRecallBelowCapacity() {
        // n = 256, M = 6 ≈ log2(256/4): capacity ln2·256²/36 ≈ 1 262 pairs; store 100 (about 8 %)
        int n = 256;
        int ones = 6;
        List<BinaryPattern> questions = new RandomPatterns(n, ones, 11).generate(100);
        List<BinaryPattern> answers = new RandomPatterns(n, ones, 12).generate(100);
        WillshawMemory memory = WillshawMemory.hetero(n, n);
        memory.storeAll(questions, answers);
        for (Threshold threshold : Threshold.values()) {
            RecallQuality quality = RecallQuality.of(memory.recallAll(questions, threshold), answers);
            assertEquals(100, quality.perfect(), threshold + ": " + quality);
        }
    }

    @Test
    void incompleteQuestionIsCompletedBelowCapacity() {
        List<BinaryPattern> patterns = new RandomPatterns(512, 7, 21).generate(150);
        WillshawMemory memory = WillshawMemory.auto(512);
        memory.storeAll(patterns);
        SplittableRandom rng = new SplittableRandom(22);
        List<BinaryPattern> questions = patterns.stream().map(p -> p.withOnesRemoved(3, rng)).toList();
        RecallQuality quality = RecallQuality.of(memory.recallAll(questions, Threshold.HARD), patterns);
        assertTrue(quality.perfectFraction() > 0.95, quality.toString());
    }

    @Test
    void clearForgetsEverything() {
        WillshawMemory memory = WillshawMemory.auto(4);
        memory.store(bits("1100"));
        memory.clear();
        assertEquals(0, memory.onesCount());
        assertEquals(0, memory.pairsStored());
    }

    @Test
    void printsShapePairsAndFill() {
        WillshawMemory memory = WillshawMemory.auto(4);
        memory.store(bits("1100"));
        memory.store(bits("0110"));
        assertEquals("WillshawMemory[4x4, 2 pairs stored, fill 0.4375]", memory.toString());
        assertEquals("WillshawMemory[3x70, 0 pairs stored, fill 0.0000]", WillshawMemory.hetero(3, 70).toString());
    }

    @Test
    void densityGridAveragesBlocks() {
        WillshawMemory memory = WillshawMemory.auto(4);
        memory.store(bits("1100"));
        memory.store(bits("0110"));
        // blocks of 2×2: top-left 1,1,1,1; top-right 0,0,1,0; bottom-left 0,1,0,0; bottom-right 1,0,0,0
        double[][] grid = memory.densityGrid(2, 2);
        assertArrayEquals(new double[] {1.0, 0.25}, grid[0]);
        assertArrayEquals(new double[] {0.25, 0.25}, grid[1]);
    }

    @Test
    void rejectsNonPositiveSizes() {
        assertMessage("pattern length n must be positive, got 0", () -> WillshawMemory.auto(0));
        assertMessage("question length n (columns) must be positive, got 0", () -> WillshawMemory.hetero(3, 0));
        assertMessage("answer length m (rows) must be positive, got -3", () -> WillshawMemory.hetero(-3, 5));
    }

    @Test
    void rejectsPatternsOfWrongLength() {
        WillshawMemory memory = WillshawMemory.hetero(3, 5);
        assertMessage("question has length 4, expected 5 (the memory's question length n)",
                () -> memory.store(bits("1100"), bits("011")));
        assertMessage("answer has length 5, expected 3 (the memory's answer length m)",
                () -> memory.store(bits("11000"), bits("01100")));
        assertMessage("question has length 3, expected 5 (the memory's question length n)",
                () -> memory.recall(bits("110"), Threshold.SOFT));
        assertMessage("question has length 4, expected 5 (the memory's question length n)",
                () -> memory.dendriticSums(bits("1100")));
        assertEquals(0, memory.pairsStored(), "a rejected pair is not counted");
    }

    @Test
    void rejectsMismatchedLists() {
        WillshawMemory memory = WillshawMemory.auto(4);
        assertMessage("got 2 questions and 1 answers, expected one answer per question",
                () -> memory.storeAll(List.of(bits("1100"), bits("0011")), List.of(bits("1100"))));
    }

    @Test
    void rejectsBadIndices() {
        WillshawMemory memory = WillshawMemory.hetero(3, 5);
        assertMessage("row i must be in [0, 3), got 3", () -> memory.weight(3, 0));
        assertMessage("column j must be in [0, 5), got -1", () -> memory.weight(0, -1));
        assertMessage("gridRows must be in [1, 3], got 4", () -> memory.densityGrid(4, 1));
        assertMessage("gridCols must be in [1, 5], got 0", () -> memory.densityGrid(1, 0));
    }

    static void assertMessage(String message, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }
}
