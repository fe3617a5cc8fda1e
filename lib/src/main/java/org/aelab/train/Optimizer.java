package org.aelab.train;

import java.util.List;
import org.aelab.nn.Parameter;

/**
 * An update rule, as an immutable configuration. {@link #start} makes the state for one training run
 * (velocities, moments), so every {@code fit} begins from fresh optimizer state.
 */
public interface Optimizer {

    /** State for one run over {@code parameters}; its {@code step()} applies one update from their gradients. */
    Step start(List<Parameter> parameters);

    double learningRate();

    /** One run's updates: {@link #step} updates every parameter from the gradients of the last backward pass. */
    interface Step {
        void step();

        /** The state the run has built up (live), for checkpoints. */
        OptimizerState state();
    }

    /** Plain gradient descent W ← W − η·∂E/∂W. */
    static Optimizer sgd(double learningRate) {
        return new Sgd(learningRate);
    }

    /** Classical momentum of 000_fa578f4f1251678e.txt: ΔW(t) = −η·∂E/∂W + m·ΔW(t−1); W ← W + ΔW(t). */
    static Optimizer momentum(double learningRate, double momentum) {
        return new Momentum(learningRate, momentum);
    }

    /** Nesterov's accelerated gradient, in the form that evaluates the gradient at the stored weights. */
    static Optimizer nesterov(double learningRate, double momentum) {
        return new Nesterov(learningRate, momentum);
    }

    /** Adam with β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    static Optimizer adam(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8);
    }

    static void checkLearningRate(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
        }
    }

    static void checkMomentum(double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum m must be in [0, 1), got " + momentum);
        }
    }
}
