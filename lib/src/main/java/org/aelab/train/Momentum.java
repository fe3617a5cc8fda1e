package org.aelab.train;

import java.util.List;
import org.aelab.nn.Parameter;

/**
 * Classical momentum exactly as 000_fa578f4f1251678e.txt writes it:
 * ΔW(t) = −η·∂E/∂W + m·ΔW(t−1), then W ← W + ΔW(t), with ΔW(0) = 0. With m = 0 it is plain gradient descent.
 */
public record Momentum(double learningRate, double momentum) implements Optimizer {

    public Momentum {
        Optimizer.checkLearningRate(learningRate);
        Optimizer.checkMomentum(momentum);
    }

    @Override
    public Step start(List<Parameter> parameters) {
        OptimizerState state = new OptimizerState(parameters, 1);
        float[][] previousDelta = state.buffers();
        float eta = (float) learningRate;
        float m = (float) momentum;
        return new Step() {
            @Override
            public void step() {
                state.countStep();
                for (int k = 0; k < parameters.size(); k++) {
                    float[] w = parameters.get(k).value().data();
                    float[] g = parameters.get(k).gradient().data();
                    float[] delta = previousDelta[k];
                    for (int i = 0; i < w.length; i++) {
                        delta[i] = -eta * g[i] + m * delta[i];
                        w[i] += delta[i];
                    }
                }
            }

            @Override
            public OptimizerState state() {
                return state;
            }
        };
    }

    @Override
    public String toString() {
        return "Momentum(lr=" + learningRate + ", m=" + momentum + ")";
    }
}
