package org.aelab.memory;

import static org.aelab.memory.WillshawMemoryTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecallQualityTest {

    @Test
    void countsPerfectEmptyMissingAndFalseOnes() {
        List<BinaryPattern> targets = List.of(BinaryPattern.of(1, 1, 0, 0), BinaryPattern.of(0, 1, 1, 0),
                BinaryPattern.of(0, 0, 1, 1), BinaryPattern.of(1, 0, 0, 1));
        List<BinaryPattern> answers = List.of(
                BinaryPattern.of(1, 1, 0, 0), // perfect
                BinaryPattern.of(0, 1, 1, 1), // one false one
                BinaryPattern.of(0, 0, 0, 0), // empty: two missing
                BinaryPattern.of(1, 1, 0, 0)); // one missing, one false
        RecallQuality quality = RecallQuality.of(answers, targets);
        assertEquals(new RecallQuality(4, 1, 1, 3, 2), quality);
        assertEquals(0.25, quality.perfectFraction());
        assertEquals(0.75, quality.errorFraction());
        assertEquals(0.25, quality.emptyFraction());
        assertEquals(5 / 4.0, quality.meanWrongBits());
        assertEquals("RecallQuality[4 recalls, perfect 0.2500, empty 0.2500, wrong bits/recall 1.250 (missing 0.750, false 0.500)]",
                quality.toString());
    }

    @Test
    void rejectsMismatchedLists() {
        assertMessage("got 1 answers and 0 targets, expected one target per answer",
                () -> RecallQuality.of(List.of(BinaryPattern.of(1)), List.of()));
    }
}
