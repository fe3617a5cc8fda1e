package org.aelab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aelab.memory.BinaryPattern;
import org.aelab.memory.RandomPatterns;
import org.aelab.memory.Threshold;
import org.aelab.memory.WillshawMemory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 6's speed target: storing 20 000 patterns with n = 2 000 (M = 10, the source 002 example)
 * and recalling 1 000 of them must take at most 2 s. Patterns are generated once in setup; each
 * invocation starts from an empty memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WillshawMemoryBenchmark {
    @Param("2000")
    int n;
    @Param("10")
    int ones;
    @Param("20000")
    int pairs;
    @Param("1000")
    int recalls;
    @Param({"HARD", "SOFT"})
    Threshold threshold;

    List<BinaryPattern> patterns;
    List<BinaryPattern> questions;
    WillshawMemory loaded;

    @Setup
    public void generatePatterns() {
        patterns = new RandomPatterns(n, ones, 42).generate(pairs);
        questions = patterns.subList(0, recalls);
        loaded = WillshawMemory.auto(n);
        loaded.storeAll(patterns);
    }

    /** The target: store all pairs into a fresh memory, then recall 1 000. */
    @Benchmark
    public List<BinaryPattern> storeAndRecall() {
        WillshawMemory memory = WillshawMemory.auto(n);
        memory.storeAll(patterns);
        return memory.recallAll(questions, threshold);
    }

    /** Recall alone, from a memory loaded in setup. */
    @Benchmark
    public List<BinaryPattern> recallOnly() {
        return loaded.recallAll(questions, threshold);
    }
}
