package org.aelab.memory;

/**
 * How one-step retrieval picks the threshold T in y_i = 1 if Σ_j w_ij·x_j ≥ T (source 002).
 */
public enum Threshold {
    /**
     * T = the number of ones in the question. A unit fires only if it is connected to every one of
     * the question, so a question with false ones can get no answer at all.
     */
    HARD,
    /**
     * T = max_i Σ_j w_ij·x_j, the largest dendritic sum: the units best connected to the question
     * fire, so there is always an answer.
     */
    SOFT;

    @Override
    public String toString() {
        return this == HARD ? "hard (T = ones in question)" : "soft (T = max sum)";
    }
}
