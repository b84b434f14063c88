package io.opengws.local.bench;

import java.util.concurrent.TimeUnit;

/**
 * The load offered during the warm-up: from a tenth of the rate asked for to all of it, in a straight line over the
 * first two thirds of the warm-up, then the whole rate for the last third. A system that has just started is still
 * compiling its hot paths; the whole rate at once builds a backlog in its first seconds, and the measured window
 * would inherit it (p50 of 19-27 s in the first chat run after a start, 50-70 ms from the second).
 */
final class RampUp {

    private static final double FIRST_SHARE = 0.1;

    private final long startNanos;
    private final long rampNanos;

    RampUp(int warmupSeconds) {
        this(warmupSeconds, System.nanoTime());
    }

    RampUp(int warmupSeconds, long startNanos) {
        this.startNanos = startNanos;
        this.rampNanos = TimeUnit.SECONDS.toNanos(warmupSeconds) * 2 / 3;
    }

    /** The pause between two operations of one client now, given its pause at the whole rate. */
    long pause(long fullRatePauseNanos) {
        return (long) (fullRatePauseNanos / share(System.nanoTime()));
    }

    /** The share of the whole rate offered at {@code nanos}. */
    double share(long nanos) {
        long elapsed = nanos - startNanos;
        if (rampNanos <= 0 || elapsed >= rampNanos) {
            return 1;
        }
        return FIRST_SHARE + (1 - FIRST_SHARE) * Math.max(0, elapsed) / rampNanos;
    }
}
