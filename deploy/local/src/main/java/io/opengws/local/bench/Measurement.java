package io.opengws.local.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What a benchmark counts and times while its load runs: latencies (HdrHistogram, microseconds) and named
 * counters, kept from the end of the warm-up to the end of the measured window only.
 */
final class Measurement {

    /** The measured window: its length, its latencies and each counter's count. */
    record Window(double seconds, Histogram latencies, Map<String, Long> counts) {

        double perSecond(String counter) {
            return counts.get(counter) / seconds;
        }

        long count(String counter) {
            return counts.get(counter);
        }

        /** {@code p50=…ms p99=…ms max=…ms}. */
        String latencySummary() {
            return summary(latencies);
        }
    }

    private final Recorder latencies = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
    /** The same latencies, a second at a time, for {@code --trace 1}. */
    private final Recorder thisSecond = new Recorder(TimeUnit.SECONDS.toMicros(60), 2);
    /** The HTTP answers of the same second: a slow second with slow answers was slow in the service that took the request. */
    private final Recorder answersThisSecond = new Recorder(TimeUnit.SECONDS.toMicros(60), 2);
    private final Map<String, AtomicLong> counters = new LinkedHashMap<>();
    private final boolean trace;
    /** With {@code --trace 1}: the latencies of each kind of operation, summed up after the measured window. */
    private final Map<String, Recorder> perKind = new ConcurrentHashMap<>();

    Measurement(List<String> counterNames, boolean trace) {
        counterNames.forEach(name -> counters.put(name, new AtomicLong()));
        this.trace = trace;
    }

    /** An operation of this kind took from {@code startNanos} to {@code endNanos}. */
    void latency(String kind, long startNanos, long endNanos) {
        long micros = Math.max(0, (endNanos - startNanos) / 1000);
        latencies.recordValue(micros);
        if (trace) {
            thisSecond.recordValue(micros);
            recordKind(kind, micros);
        }
    }

    /**
     * With {@code --trace 1}: the HTTP answer to an operation's POST came after this long. Printed beside the
     * operation's latency, it tells the time in the service that took the request from the time spent relaying
     * its notification; it is not part of the measured latencies.
     */
    void answered(String kind, long startNanos, long endNanos) {
        if (trace) {
            long micros = Math.max(0, (endNanos - startNanos) / 1000);
            answersThisSecond.recordValue(micros);
            recordKind(kind + " (HTTP answer)", micros);
        }
    }

    private void recordKind(String kind, long micros) {
        perKind.computeIfAbsent(kind, ignored -> new Recorder(TimeUnit.SECONDS.toMicros(60), 2)).recordValue(micros);
    }

    void count(String counter) {
        counters.get(counter).incrementAndGet();
    }

    /** Lets the load warm up, then measures it for {@code seconds}. */
    Window measure(int warmupSeconds, int seconds) throws InterruptedException {
        long warmupStart = System.nanoTime();
        Optional<ScheduledExecutorService> tracer = trace ? Optional.of(Executors.newSingleThreadScheduledExecutor()) : Optional.empty();
        tracer.ifPresent(lines -> {
            thisSecond.reset();
            answersThisSecond.reset();
            lines.scheduleAtFixedRate(() -> traceSecond(warmupStart), 1, 1, TimeUnit.SECONDS);
        });
        try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
            latencies.reset();
            perKind.values().forEach(Recorder::reset);
            counters.values().forEach(counter -> counter.set(0));
            long start = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            double elapsed = (System.nanoTime() - start) / 1e9;
            Histogram histogram = latencies.getIntervalHistogram();
            Map<String, Long> counts = new LinkedHashMap<>();
            counters.forEach((name, counter) -> counts.put(name, counter.get()));
            if (trace) {
                new TreeMap<>(perKind).forEach((kind, recorder) -> System.err.printf(Locale.ROOT, "trace %s: %s%n", kind,
                        summary(recorder.getIntervalHistogram())));
            }
            return new Window(elapsed, histogram, counts);
        } finally {
            tracer.ifPresent(ScheduledExecutorService::shutdownNow);
        }
    }

    /** {@code p50=…ms p99=…ms max=…ms} of latencies in microseconds. */
    static String summary(Histogram latencies) {
        return String.format(Locale.ROOT, "p50=%.1fms p99=%.1fms max=%.1fms", latencies.getValueAtPercentile(50) / 1000.0,
                latencies.getValueAtPercentile(99) / 1000.0, latencies.getMaxValue() / 1000.0);
    }

    /** One line on stderr: the last second's latencies, counted from the start of the warm-up. */
    private void traceSecond(long warmupStart) {
        Histogram second = thisSecond.getIntervalHistogram();
        Histogram answers = answersThisSecond.getIntervalHistogram();
        System.err.printf(Locale.ROOT, "trace t=%5.1fs n=%d %s at %s; HTTP answers p99=%.1fms max=%.1fms%n", (System.nanoTime() - warmupStart) / 1e9,
                second.getTotalCount(), summary(second), java.time.LocalTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                answers.getValueAtPercentile(99) / 1000.0, answers.getMaxValue() / 1000.0);
    }
}
