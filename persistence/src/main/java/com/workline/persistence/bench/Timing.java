package com.workline.persistence.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How the benchmarks time an operation beside its baselines: a time-based warm-up until the figures are stable, then
 * timed runs in which the operation and its baselines take turns run by run (so that they share the machine's state),
 * reported as median and 95th percentile in milliseconds.
 */
final class Timing {
    /** One run of an operation; {@code iteration} lets it vary its input (search terms, pages). */
    interface Timed {
        void run(int iteration) throws Exception;
    }

    private final double warmupSeconds;

    Timing(double warmupSeconds) {
        this.warmupSeconds = warmupSeconds;
    }

    /** Median and 95th percentile (ms) of each of {@code work} over {@code runs} timed runs, after the warm-up. */
    double[][] measure(int runs, Timed... work) {
        warmUp(work);
        List<List<Double>> millis = new ArrayList<>();
        for (int k = 0; k < work.length; k++) {
            millis.add(new ArrayList<>());
        }
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < work.length; k++) {
                millis.get(k).add(once(work[k], i));
            }
        }
        double[][] figures = new double[work.length][];
        for (int k = 0; k < work.length; k++) {
            figures[k] = stats(millis.get(k));
        }
        return figures;
    }

    /**
     * Runs the operation and its baselines in windows (at least 20 runs or 0.5 s) until at least {@link #warmupSeconds}
     * have passed and the operation's median of the last window is within 5 % of the window before (or 30 s have
     * passed).
     */
    void warmUp(Timed... work) {
        long start = System.nanoTime();
        double previous = Double.NaN;
        int i = 0;
        while (true) {
            List<Double> window = new ArrayList<>();
            long windowStart = System.nanoTime();
            while (window.size() < 20 || System.nanoTime() - windowStart < 500_000_000L && window.size() < 2_000) {
                window.add(once(work[0], i));
                for (int k = 1; k < work.length; k++) {
                    once(work[k], i);
                }
                i++;
            }
            double median = stats(window)[0];
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (elapsed >= warmupSeconds && Math.abs(median - previous) <= 0.05 * previous || elapsed > 30) {
                return;
            }
            previous = median;
        }
    }

    /** One run, in milliseconds. */
    static double once(Timed work, int iteration) {
        try {
            long start = System.nanoTime();
            work.run(iteration);
            return (System.nanoTime() - start) / 1e6;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Median and 95th percentile. */
    static double[] stats(List<Double> values) {
        List<Double> millis = new ArrayList<>(values);
        Collections.sort(millis);
        return new double[] {millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1)};
    }
}
