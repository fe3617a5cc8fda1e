package org.aelab.nn;

import java.util.List;
import org.aelab.tensor.Matrix;

/**
 * What training minimises, J = E(y, t) + P(a_p) + (λ/2)·Σ W²: a loss E at the output, an optional penalty P on
 * the activations of one hidden layer p (sparsity of the code), and an optional L2 weight decay λ on the
 * weight matrices (not the biases). Immutable; derived objectives are made with {@code with…}.
 *
 * <p>On a batch in a {@link Workspace} after {@link LayerStack#forward}: {@link #lossSum} and {@link #penalty}
 * give the value, {@link #delta} the gradients where the terms enter the network, from which
 * {@link LayerStack#backward} computes the rest.
 */
public final class Objective {
    private final Loss loss;
    private final Penalty penalty;
    private final int penaltyLayer;
    private final double weightDecay;

    private Objective(Loss loss, Penalty penalty, int penaltyLayer, double weightDecay) {
        if (loss == null) {
            throw new IllegalArgumentException("loss must not be null");
        }
        if (penalty != null && penaltyLayer < 0) {
            throw new IllegalArgumentException("penalty layer must be >= 0, got " + penaltyLayer);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be finite and >= 0, got " + weightDecay);
        }
        this.loss = loss;
        this.penalty = penalty;
        this.penaltyLayer = penalty == null ? -1 : penaltyLayer;
        this.weightDecay = weightDecay;
    }

    /** The loss alone. */
    public static Objective of(Loss loss) {
        return new Objective(loss, null, -1, 0);
    }

    /** This objective plus {@code penalty} on the activations of hidden layer {@code layer} (null: no penalty). */
    public Objective withPenalty(Penalty newPenalty, int layer) {
        return new Objective(loss, newPenalty, layer, weightDecay);
    }

    /** This objective with L2 weight decay λ: (λ/2)·Σ W² over weight matrices; 0 for none. */
    public Objective withWeightDecay(double lambda) {
        return new Objective(loss, penalty, penaltyLayer, lambda);
    }

    public Loss loss() {
        return loss;
    }

    /** The penalty, or null. */
    public Penalty penalty() {
        return penalty;
    }

    /** The layer whose activations the penalty is on, or -1 without a penalty. */
    public int penaltyLayer() {
        return penaltyLayer;
    }

    public double weightDecay() {
        return weightDecay;
    }

    /** Throws unless this objective can train {@code stack}: the penalty must sit on one of its hidden layers. */
    public void requireFits(LayerStack stack) {
        if (penalty != null && penaltyLayer >= stack.size() - 1) {
            throw new IllegalArgumentException("the penalty must be on a hidden layer 0.." + (stack.size() - 2)
                    + " of " + stack + ", got layer " + penaltyLayer);
        }
    }

    /** Σ over the batch's patterns and units of the loss's per-unit terms, before the reduction's scaling. */
    public double lossSum(Workspace ws, Matrix target) {
        return loss.sum(ws.output(), target);
    }

    /** The penalty and the weight decay on the batch in {@code ws}: P(a_p) + (λ/2)·Σ W² over trainable weights. */
    public double penalty(Workspace ws) {
        double value = penalty == null ? 0 : penalty.value(ws.activations(penaltyLayer), ws.unitScratch());
        if (weightDecay > 0) {
            double sumOfSquares = 0;
            List<Parameter> parameters = ws.parameters();
            for (int k = 0; k < parameters.size(); k++) {
                if (parameters.get(k).kind() == Parameter.Kind.WEIGHTS) {
                    for (float w : parameters.get(k).value().data()) {
                        sumOfSquares += (double) w * w;
                    }
                }
            }
            value += weightDecay / 2 * sumOfSquares;
        }
        return value;
    }

    /** J of the batch: the reduced loss plus {@link #penalty}. */
    public double value(Workspace ws, Matrix target) {
        Matrix output = ws.output();
        return loss.reduction().scale(output.rows(), output.cols()) * lossSum(ws, target) + penalty(ws);
    }

    /**
     * Starts the backward pass of the batch in {@code ws}: sets each trainable parameter's gradient to its direct
     * term (λ·W for a weight under decay, zero otherwise), writes δ_k = ∂E/∂x_k at the output layer's
     * pre-activations (the loss through the output activation: (y_k − t_k)·scale for sigmoid + BCE and softmax +
     * cross-entropy) and ∂P/∂a at the penalised layer. {@link LayerStack#backward} then adds the rest.
     */
    public void delta(Workspace ws, Matrix target) {
        Matrix output = ws.output();
        output.requireSameShape("target", target);
        setDirectGradients(ws.parameters());
        float scale = (float) loss.reduction().scale(output.rows(), output.cols());
        Activation outputActivation = ws.stack().layer(ws.stack().size() - 1).activation();
        loss.outputDelta(outputActivation, output, target, scale, ws.outputDelta());
        if (penalty != null) {
            Matrix gradient = ws.addedGradient(penaltyLayer);
            gradient.fill(0f);
            penalty.addGradient(ws.activations(penaltyLayer), gradient, ws.unitScratch());
        }
    }

    private void setDirectGradients(List<Parameter> parameters) {
        float lambda = (float) weightDecay;
        for (int k = 0; k < parameters.size(); k++) { // indexed: no iterator allocated per batch
            Parameter p = parameters.get(k);
            if (p.descentRate() > 0) {
                continue; // backward updates its value; it keeps no gradient
            }
            float[] g = p.gradient().data();
            if (lambda > 0 && p.kind() == Parameter.Kind.WEIGHTS) {
                float[] w = p.value().data();
                for (int i = 0; i < g.length; i++) {
                    g[i] = lambda * w[i];
                }
            } else {
                java.util.Arrays.fill(g, 0f);
            }
        }
    }

    /** The loss (no penalty, no corruption) of {@code stack}'s outputs for {@code x} against {@code t}, under its reduction. */
    public double evaluateLoss(LayerStack stack, Matrix x, Matrix t) {
        Matrix output = stack.predict(x);
        output.requireSameShape("targets", t);
        return loss.value(output, t);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("loss=").append(loss);
        if (penalty != null) {
            sb.append(" penalty=").append(penalty).append(" on layer ").append(penaltyLayer);
        }
        if (weightDecay > 0) {
            sb.append(" weightDecay=").append(weightDecay);
        }
        return sb.toString();
    }
}
