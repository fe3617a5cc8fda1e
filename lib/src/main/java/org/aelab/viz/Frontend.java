package org.aelab.viz;

/**
 * Where outputs go: a Jupyter kernel's display channel, or files outside a kernel.
 * Display ids let an output be replaced in place (live progress, live plots).
 */
interface Frontend {

    /** Shows {@code output} as a new output and returns its display id. */
    String display(Output output);

    /** Replaces the output shown under {@code displayId}. */
    void update(String displayId, Output output);

    /** True inside a notebook kernel, where Plotly needs loading into the page once. */
    boolean isKernel();

    /** A short description for messages and {@code toString()}. */
    String describe();
}
