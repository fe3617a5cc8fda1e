package org.aelab.memory;

import java.util.List;
import java.util.Locale;

/**
 * How well a batch of recalled answers matches the stored targets. A wrong bit is either a missing
 * one (target 1, answer 0) or a false one (target 0, answer 1); their sum is the Hamming distance.
 *
 * @param recalls     number of answers compared
 * @param perfect     answers equal to their target
 * @param empty       answers with no ones at all (the hard threshold's "no answer")
 * @param missingOnes total ones of the targets absent from the answers
 * @param falseOnes   total ones of the answers absent from the targets
 */
public record RecallQuality(int recalls, int perfect, int empty, long missingOnes, long falseOnes) {

    /** Compares {@code answers[k]} with {@code targets[k]} for every k. */
    public static RecallQuality of(List<BinaryPattern> answers, List<BinaryPattern> targets) {
        if (answers.size() != targets.size()) {
            throw new IllegalArgumentException("got " + answers.size() + " answers and " + targets.size()
                    + " targets, expected one target per answer");
        }
        int perfect = 0;
        int empty = 0;
        long missing = 0;
        long extra = 0;
        for (int k = 0; k < answers.size(); k++) {
            BinaryPattern answer = answers.get(k);
            BinaryPattern target = targets.get(k);
            int common = answer.overlap(target);
            missing += target.onesCount() - common;
            extra += answer.onesCount() - common;
            if (answer.equals(target)) {
                perfect++;
            }
            if (answer.isEmpty()) {
                empty++;
            }
        }
        return new RecallQuality(answers.size(), perfect, empty, missing, extra);
    }

    /** Fraction of answers exactly equal to their target. */
    public double perfectFraction() {
        return recalls == 0 ? 0 : perfect / (double) recalls;
    }

    /** Fraction of answers with at least one wrong bit: the retrieval error. */
    public double errorFraction() {
        return recalls == 0 ? 0 : 1 - perfectFraction();
    }

    /** Fraction of answers that are empty. */
    public double emptyFraction() {
        return recalls == 0 ? 0 : empty / (double) recalls;
    }

    /** Mean Hamming distance between answer and target. */
    public double meanWrongBits() {
        return recalls == 0 ? 0 : (missingOnes + falseOnes) / (double) recalls;
    }

    public double meanMissingOnes() {
        return recalls == 0 ? 0 : missingOnes / (double) recalls;
    }

    public double meanFalseOnes() {
        return recalls == 0 ? 0 : falseOnes / (double) recalls;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "RecallQuality[%d recalls, perfect %.4f, empty %.4f, wrong bits/recall %.3f (missing %.3f, false %.3f)]",
                recalls, perfectFraction(), emptyFraction(), meanWrongBits(), meanMissingOnes(), meanFalseOnes());
    }
}
