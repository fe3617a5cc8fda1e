package org.aelab.train;

import java.util.List;
import org.aelab.nn.Parameter;

/** Gradient descent: W ← W − η·∂E/∂W (003_06d01c1066b95d79.txt: W ← W − α∇_W J). */
public record Sgd(double learningRate) implements Optimizer {

    public Sgd {
        Optimizer.checkLearningRate(learningRate);
    }

    @Override
    public Step start(List<Parameter> parameters) {
        float eta = (float) learningRate;
        OptimizerState state = new OptimizerState(parameters, 0);
        return new Step() {
            @Override
            public void step() {
                state.countStep();
                for (int k = 0; k < parameters.size(); k++) {
                    if (parameters.get(k).descentRate() > 0) {
                        continue; // backward has already taken its step
                    }
                    float[] w = parameters.get(k).value().data();
                    float[] g = parameters.get(k).gradient().data();
                    for (int i = 0; i < w.length; i++) {
                        w[i] -= eta * g[i];
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
        return "SGD(lr=" + learningRate + ")";
    }
}
