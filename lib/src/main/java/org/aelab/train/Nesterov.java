package org.aelab.train;

import java.util.List;
import org.aelab.nn.Parameter;

/**
 * Nesterov momentum. The look-ahead form v(t) = m·v(t−1) − η·∇E(W + m·v(t−1)) is rewritten over the
 * stored point W̃ = W + m·v (Bengio et al. 2013), so the gradient is the one just computed at W̃:
 * v(t) = m·v(t−1) − η·∇E(W̃), then W̃ ← W̃ − m·v(t−1) + (1 + m)·v(t).
 */
public record Nesterov(double learningRate, double momentum) implements Optimizer {

    public Nesterov {
        Optimizer.checkLearningRate(learningRate);
        Optimizer.checkMomentum(momentum);
    }

    @Override
    public Step start(List<Parameter> parameters) {
        OptimizerState state = new OptimizerState(parameters, 1);
        float[][] velocity = state.buffers();
        float eta = (float) learningRate;
        float m = (float) momentum;
        return new Step() {
            @Override
            public void step() {
                state.countStep();
                for (int k = 0; k < parameters.size(); k++) {
                    float[] w = parameters.get(k).value().data();
                    float[] g = parameters.get(k).gradient().data();
                    float[] v = velocity[k];
                    for (int i = 0; i < w.length; i++) {
                        float previous = v[i];
                        v[i] = m * previous - eta * g[i];
                        w[i] += -m * previous + (1 + m) * v[i];
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
        return "Nesterov(lr=" + learningRate + ", m=" + momentum + ")";
    }
}
