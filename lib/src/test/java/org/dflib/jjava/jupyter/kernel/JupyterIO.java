package org.dflib.jjava.jupyter.kernel;

/** Stand-in with JJava 1.0's names: the kernel's streams, of which the tests need the display stream. */
public class JupyterIO {
    public final DisplayStream display = new DisplayStream();
}
