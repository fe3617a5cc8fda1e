package org.aelab.viz;

import java.io.PrintStream;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The CHECK lines of a notebook's check cell, of two kinds.
 *
 * <ul>
 *   <li><b>Invariants</b> hold for any hyperparameters (the loss fell; the reconstruction beats the corrupted
 *       input; a capacity formula matches its simulation):
 *       {@code CHECK <name> = <value> (expected <condition>) PASS|FAIL}.</li>
 *   <li><b>Recipe checks</b> hold for the source's recipe only (≥ 98 %; all 8 reconstructed by epoch 20 000).
 *       The notebook declares its recipe as (parameter, current value, recipe value) entries; when a current
 *       value differs from the recipe's, a recipe check prints
 *       {@code CHECK <name> = <value> (expected <condition>) SKIP (parameters differ from the source's: lr, epochs)}
 *       and never fails. Otherwise it passes or fails like an invariant.</li>
 * </ul>
 *
 * <pre>{@code
 * Checks checks = Checks.recipe("learningRate", learningRate, 0.05, "momenta", momenta, new double[] {0, 0.9});
 * checks.invariant("loss fell", last, "< first loss " + first, last < first);
 * checks.ofRecipe("seeds with all 8 reconstructed", right + "/" + seeds, seeds + "/" + seeds, right == seeds);
 * checks.done();   // a summary line, or IllegalStateException naming the failed checks
 * }</pre>
 *
 * Recipe values compare as follows: whole numbers exactly; floating-point numbers within a relative
 * 1e-9 (1e-6 when either is a {@code float}); arrays element by element; anything else with {@code equals}.
 * Methods return nothing, so a cell ending in a check shows no stray value in the notebook.
 */
public final class Checks {

    /** One (parameter, current value, recipe value) entry of the source's recipe. */
    public record Entry(String name, Object current, Object recipe) {
        public Entry {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("recipe parameter name must be a non-blank String, got "
                        + (name == null ? "null" : "\"" + name + "\""));
            }
        }

        /** True when the current value is the recipe's (see the class comment for how values compare). */
        public boolean matches() {
            return same(current, recipe);
        }
    }

    private enum Outcome { PASS, FAIL, SKIP }

    private final List<Entry> recipe = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private String recipeOwner = "the source's";
    private int passed;
    private int skipped;
    private final Supplier<PrintStream> out;

    private Checks(Supplier<PrintStream> out) {
        this.out = out;
    }

    /** Checks with no recipe yet: recipe checks pass or fail until {@link #param} declares a differing value. */
    public static Checks create() {
        return new Checks(() -> System.out);   // looked up per line: a kernel may swap System.out per cell
    }

    /**
     * Checks against a recipe given as triples {@code name, currentValue, recipeValue, name, …}.
     *
     * @throws IllegalArgumentException if the arguments are not triples starting with a String name
     */
    public static Checks recipe(Object... nameCurrentRecipe) {
        if (nameCurrentRecipe.length % 3 != 0) {
            throw new IllegalArgumentException("recipe entries must be triples (name, current value, recipe value), got "
                    + nameCurrentRecipe.length + " arguments");
        }
        Checks checks = create();
        for (int i = 0; i < nameCurrentRecipe.length; i += 3) {
            if (!(nameCurrentRecipe[i] instanceof String name)) {
                throw new IllegalArgumentException("recipe argument " + (i + 1) + " must be a parameter name (String),"
                        + " got " + describe(nameCurrentRecipe[i]));
            }
            checks.param(name, nameCurrentRecipe[i + 1], nameCurrentRecipe[i + 2]);
        }
        return checks;
    }

    /**
     * Marks the recipe as the notebook's own, for notebooks whose sources give none (their SKIP lines then say
     * "parameters differ from this notebook's recipe: …"); returns this.
     */
    public Checks notebookRecipe() {
        recipeOwner = "this notebook's recipe";
        return this;
    }

    /** Declares one more recipe parameter; returns this. */
    public Checks param(String name, Object current, Object recipeValue) {
        recipe.add(new Entry(name, current, recipeValue));
        return this;
    }

    /** The same checks printing to {@code stream} instead of {@code System.out} (for tests). */
    public Checks printingTo(PrintStream stream) {
        Objects.requireNonNull(stream, "stream");
        Checks copy = new Checks(() -> stream);
        copy.recipe.addAll(recipe);
        copy.recipeOwner = recipeOwner;
        return copy;
    }

    /** The recipe entries as declared. */
    public List<Entry> entries() {
        return List.copyOf(recipe);
    }

    /** Names of the recipe parameters whose current value differs from the recipe's, in declaration order. */
    public List<String> differing() {
        return recipe.stream().filter(e -> !e.matches()).map(Entry::name).toList();
    }

    /** A check that holds for any hyperparameters: PASS or FAIL. */
    public void invariant(String name, Object value, String expected, boolean pass) {
        print(name, value, expected, pass ? Outcome.PASS : Outcome.FAIL, "");
    }

    /** A check of the recipe (the source's, or {@link #notebookRecipe the notebook's}): SKIP when the parameters differ from it, otherwise PASS or FAIL. */
    public void ofRecipe(String name, Object value, String expected, boolean pass) {
        List<String> differing = differing();
        if (!differing.isEmpty()) {
            print(name, value, expected, Outcome.SKIP,
                    " (parameters differ from " + recipeOwner + ": " + String.join(", ", differing) + ")");
        } else {
            print(name, value, expected, pass ? Outcome.PASS : Outcome.FAIL, "");
        }
    }

    /**
     * Ends the check cell: prints a summary line, or throws if any check failed.
     *
     * @throws IllegalStateException naming every failed check, or if no check was made at all
     */
    public void done() {
        int total = passed + failed.size() + skipped;
        if (total == 0) {
            throw new IllegalStateException("no checks were made: call invariant(…) or ofRecipe(…) before done()");
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " of " + total + " checks failed: "
                    + String.join("; ", failed));
        }
        out.get().println(toString());
    }

    /** "CHECKS: 3 passed, 0 failed, 2 skipped (parameters differ from the source's: lr)". */
    @Override
    public String toString() {
        List<String> differing = differing();
        return "CHECKS: " + passed + " passed, " + failed.size() + " failed, " + skipped + " skipped"
                + (skipped > 0 ? " (parameters differ from " + recipeOwner + ": " + String.join(", ", differing) + ")" : "");
    }

    private void print(String name, Object value, String expected, Outcome outcome, String note) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("check name must be non-blank, got " + describe(name));
        }
        switch (outcome) {
            case PASS -> passed++;
            case FAIL -> failed.add(name);
            case SKIP -> skipped++;
        }
        out.get().println("CHECK " + name + " = " + format(value) + " (expected " + expected + ") " + outcome + note);
    }

    /** Doubles and floats with 6 significant digits; arrays element by element; anything else as it prints. */
    static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                return String.valueOf(d);
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.valueOf((long) d);
            }
            String text = String.format(Locale.ROOT, "%.6g", d);
            return text.contains("e") ? text : text.replaceFirst("0+$", "").replaceFirst("\\.$", "");
        }
        if (value != null && value.getClass().isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                parts.add(format(Array.get(value, i)));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return String.valueOf(value);
    }

    static boolean same(Object current, Object recipe) {
        if (current == null || recipe == null) {
            return current == recipe;
        }
        boolean currentArray = current.getClass().isArray();
        boolean recipeArray = recipe.getClass().isArray();
        if (currentArray || recipeArray) {
            if (!(currentArray && recipeArray) || Array.getLength(current) != Array.getLength(recipe)) {
                return false;
            }
            for (int i = 0; i < Array.getLength(current); i++) {
                if (!same(Array.get(current, i), Array.get(recipe, i))) {
                    return false;
                }
            }
            return true;
        }
        if (current instanceof Number a && recipe instanceof Number b) {
            if (whole(a) && whole(b)) {
                return a.longValue() == b.longValue();
            }
            double x = a.doubleValue();
            double y = b.doubleValue();
            double tolerance = a instanceof Float || b instanceof Float ? 1e-6 : 1e-9;
            return x == y || Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y));
        }
        return current.equals(recipe);
    }

    private static boolean whole(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + format(value);
    }
}
