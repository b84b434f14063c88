package io.opengws.local.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
            return String.format(Locale.ROOT, "p50=%.1fms p99=%.1fms max=%.1fms", latencies.getValueAtPercentile(50) / 1000.0,
                    latencies.getValueAtPercentile(99) / 1000.0, latencies.getMaxValue() / 1000.0);
        }
    }

    private final Recorder latencies = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
    private final Map<String, AtomicLong> counters = new LinkedHashMap<>();

    Measurement(List<String> counterNames) {
        counterNames.forEach(name -> counters.put(name, new AtomicLong()));
    }

    void latency(long startNanos, long endNanos) {
        latencies.recordValue(Math.max(0, (endNanos - startNanos) / 1000));
    }

    void count(String counter) {
        counters.get(counter).incrementAndGet();
    }

    /** Lets the load warm up, then measures it for {@code seconds}. */
    Window measure(int warmupSeconds, int seconds) throws InterruptedException {
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
        latencies.reset();
        counters.values().forEach(counter -> counter.set(0));
        long start = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        double elapsed = (System.nanoTime() - start) / 1e9;
        Histogram histogram = latencies.getIntervalHistogram();
        Map<String, Long> counts = new LinkedHashMap<>();
        counters.forEach((name, counter) -> counts.put(name, counter.get()));
        return new Window(elapsed, histogram, counts);
    }
}
