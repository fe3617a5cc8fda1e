package org.aelab.train;

import org.aelab.nn.Corruption;
import org.aelab.nn.LayerStack;
import org.aelab.nn.Objective;

/**
 * What a {@link Trainer} trains: a layer stack (whose frozen prefix stays as it is), the objective it minimises,
 * and the corruption its training inputs get (a denoiser's noise; evaluation always sees clean inputs).
 * Autoencoders and classifiers are trainable; {@link #of} makes one from parts.
 */
public interface Trainable {

    LayerStack layers();

    Objective objective();

    /** Noise applied to the training inputs, or null for none. */
    Corruption corruption();

    /** {@code layers} trained on {@code objective}, inputs uncorrupted. */
    static Trainable of(LayerStack layers, Objective objective) {
        return of(layers, objective, null);
    }

    /** {@code layers} trained on {@code objective} with inputs corrupted by {@code corruption} (null for none). */
    static Trainable of(LayerStack layers, Objective objective, Corruption corruption) {
        if (layers == null || objective == null) {
            throw new IllegalArgumentException("a trainable needs layers and an objective, got " + layers + " and " + objective);
        }
        objective.requireFits(layers);
        return new Trainable() {
            @Override
            public LayerStack layers() {
                return layers;
            }

            @Override
            public Objective objective() {
                return objective;
            }

            @Override
            public Corruption corruption() {
                return corruption;
            }

            @Override
            public String toString() {
                return layers + " " + objective + (corruption == null ? "" : " corruption=" + corruption);
            }
        };
    }
}
