package org.aelab.model;

import java.util.ArrayList;
import java.util.List;
import org.aelab.nn.Dense;
import org.aelab.tensor.Gemm;
import org.aelab.tensor.Matrix;
import org.aelab.train.History;
import org.aelab.train.Trainer;

/**
 * A deep encoder built greedily, one layer at a time (002_30a0b8d3c8338d16.txt "layer-wise",
 * 003_06d01c1066b95d79.txt "Deep stacked autoencoders"): autoencoder k learns to reconstruct the codes
 * of autoencoders 0..k−1, and the stack's encoder is their encoders in order. The autoencoders are shared,
 * not copied: training one through the stack trains it.
 */
public final class StackedAutoencoder {
    private final List<Autoencoder> levels;

    private StackedAutoencoder(List<Autoencoder> levels) {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a stack needs at least one autoencoder, got none");
        }
        for (int k = 1; k < levels.size(); k++) {
            int below = levels.get(k - 1).codeSize();
            int inputs = levels.get(k).inputs();
            if (inputs != below) {
                throw new IllegalArgumentException("autoencoder " + k + " takes " + inputs + " inputs but autoencoder "
                        + (k - 1) + " gives codes of " + below + " units");
            }
        }
        this.levels = List.copyOf(levels);
    }

    public static StackedAutoencoder of(Autoencoder... levels) {
        return new StackedAutoencoder(List.of(levels));
    }

    /** A new stack with {@code next} on top; {@code next} must take this stack's code as input. */
    public StackedAutoencoder withLevel(Autoencoder next) {
        List<Autoencoder> more = new ArrayList<>(levels);
        more.add(next);
        return new StackedAutoencoder(more);
    }

    public List<Autoencoder> levels() {
        return levels;
    }

    public int depth() {
        return levels.size();
    }

    /** The codes of level {@code k} for every row of {@code x}: x passed through encoders 0..k. */
    public Matrix encode(Matrix x, int k) {
        checkLevel(k);
        Matrix codes = x;
        for (int i = 0; i <= k; i++) {
            codes = levels.get(i).encode(codes);
        }
        return codes;
    }

    /** The top level's codes for every row of {@code x}. */
    public Matrix encode(Matrix x) {
        return encode(x, levels.size() - 1);
    }

    /**
     * Greedy pretraining of level {@code k}: encodes {@code data} (and {@code validation}, which may be null)
     * through the levels below, then trains level k to reconstruct those codes.
     */
    public History pretrainLevel(int k, Trainer trainer, Matrix data, Matrix validation) {
        checkLevel(k);
        Matrix input = k == 0 ? data : encode(data, k - 1);
        if (validation == null) {
            return levels.get(k).fit(trainer, input);
        }
        Matrix validationInput = k == 0 ? validation : encode(validation, k - 1);
        return levels.get(k).fit(trainer, input, validationInput);
    }

    /** Greedy pretraining of every level, bottom up, with the same trainer configuration. */
    public List<History> pretrain(Trainer trainer, Matrix data, Matrix validation) {
        List<History> histories = new ArrayList<>();
        for (int k = 0; k < levels.size(); k++) {
            histories.add(pretrainLevel(k, trainer, data, validation));
        }
        return histories;
    }

    /** The encoder layers of every level, bottom up (shared with the autoencoders). */
    public List<Dense> encoderLayers() {
        List<Dense> layers = new ArrayList<>();
        for (Autoencoder level : levels) {
            layers.addAll(level.encoder());
        }
        return layers;
    }

    /** The deep reconstruction: encode through every level, then decode back down through every decoder. */
    public Matrix reconstruct(Matrix x) {
        Matrix codes = encode(x);
        for (int k = levels.size() - 1; k >= 0; k--) {
            codes = levels.get(k).decode(codes);
        }
        return codes;
    }

    /**
     * The features of level {@code k} seen in input space: each row is one unit of level k, its weights
     * carried down through the weights of the levels below (W₀·W₁·…·W_k, transposed), a linear view that
     * ignores the nonlinearities, as commonly drawn for stacked autoencoders.
     */
    public Matrix inputSpaceFeatures(int k) {
        checkLevel(k);
        Matrix product = null;
        for (int i = 0; i <= k; i++) {
            for (Dense layer : levels.get(i).encoder()) {
                Matrix weights = layer.weightsCopy();
                if (product == null) {
                    product = weights;
                } else {
                    Matrix combined = Matrix.zeros(product.rows(), weights.cols());
                    Gemm.standard().multiply(product, weights, combined);
                    product = combined;
                }
            }
        }
        return product.transposeCopy();
    }

    private void checkLevel(int k) {
        if (k < 0 || k >= levels.size()) {
            throw new IllegalArgumentException("level k must be in 0.." + (levels.size() - 1) + ", got " + k);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StackedAutoencoder[");
        sb.append(levels.get(0).inputs());
        for (Autoencoder level : levels) {
            sb.append("→").append(level.codeSize());
        }
        return sb.append("]").toString();
    }
}
