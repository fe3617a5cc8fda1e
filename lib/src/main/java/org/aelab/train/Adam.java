package org.aelab.train;

import java.util.List;
import org.aelab.nn.Parameter;

/**
 * Adam (Kingma and Ba 2015): first and second moment estimates with bias correction,
 * W ← W − η·m̂ / (√v̂ + ε).
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon) implements Optimizer {

    public Adam {
        Optimizer.checkLearningRate(learningRate);
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("Adam beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("Adam epsilon must be > 0, got " + epsilon);
        }
    }

    @Override
    public Step start(List<Parameter> parameters) {
        OptimizerState state = new OptimizerState(parameters, 2); // buffers: every m, then every v
        float[][] moments = state.buffers();
        int count = parameters.size();
        return new Step() {
            @Override
            public void step() {
                long t = state.countStep();
                float b1 = (float) beta1;
                float b2 = (float) beta2;
                float stepSize = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
                float eps = (float) (epsilon * Math.sqrt(1 - Math.pow(beta2, t)));
                for (int k = 0; k < count; k++) {
                    float[] w = parameters.get(k).value().data();
                    float[] g = parameters.get(k).gradient().data();
                    float[] m = moments[k];
                    float[] v = moments[count + k];
                    for (int i = 0; i < w.length; i++) {
                        m[i] = b1 * m[i] + (1 - b1) * g[i];
                        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                        w[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) + eps);
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
        return "Adam(lr=" + learningRate + ")";
    }
}
