package org.aelab.nn;

/**
 * Border handling of a convolution (Keras's names). {@code SAME} pads a k×k kernel's input with (k − 1)/2 zeros
 * on every side, so the output has the input's height and width; {@code VALID} does not pad, so the output
 * shrinks by k − 1 (16×16 → 14×14 for a 3×3 kernel).
 */
public enum Padding {
    SAME("same"),
    VALID("valid");

    private final String label;

    Padding(String label) {
        this.label = label;
    }

    /** Zeros added on each side of the input for a kernel of odd size {@code kernel}. */
    int border(int kernel) {
        return this == SAME ? (kernel - 1) / 2 : 0;
    }

    @Override
    public String toString() {
        return label;
    }
}
