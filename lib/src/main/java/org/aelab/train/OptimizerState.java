package org.aelab.train;

import java.util.List;
import org.aelab.nn.Parameter;

/**
 * What one training run's optimizer carries from step to step: the number of steps taken and, per parameter,
 * its buffers (velocities for momentum, Adam's first and second moments), live. A checkpoint saves it and a
 * resumed run restores it, so the run continues exactly.
 */
public final class OptimizerState {
    private final float[][] buffers;
    private long steps;

    /** Zero state: {@code buffersPerParameter} zero buffers the shape of each parameter, parameter by parameter. */
    OptimizerState(List<Parameter> parameters, int buffersPerParameter) {
        buffers = new float[parameters.size() * buffersPerParameter][];
        for (int b = 0; b < buffersPerParameter; b++) {
            for (int k = 0; k < parameters.size(); k++) {
                buffers[b * parameters.size() + k] = new float[parameters.get(k).value().data().length];
            }
        }
    }

    /** The live buffers (velocities, moments); the same arrays the optimizer updates. */
    public float[][] buffers() {
        return buffers;
    }

    /** Steps taken so far. */
    public long steps() {
        return steps;
    }

    /** Counts one step; returns the new count. */
    long countStep() {
        return ++steps;
    }

    /** Sets this state to {@code steps} and copies of {@code values}, which must have the buffers' shapes. */
    public void restore(long newSteps, float[][] values) {
        if (newSteps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + newSteps);
        }
        if (values.length != buffers.length) {
            throw new IllegalArgumentException("optimizer state has " + buffers.length + " buffers, got " + values.length);
        }
        for (int i = 0; i < buffers.length; i++) {
            if (values[i].length != buffers[i].length) {
                throw new IllegalArgumentException("optimizer buffer " + i + " holds " + buffers[i].length + " floats, got "
                        + values[i].length);
            }
        }
        for (int i = 0; i < buffers.length; i++) {
            System.arraycopy(values[i], 0, buffers[i], 0, buffers[i].length);
        }
        steps = newSteps;
    }
}
