package io.opengws.local.bench;

import java.util.concurrent.TimeUnit;

/**
 * When each paced client of a benchmark sends, so that together they offer a steady load that ramps up during the
 * warm-up: from a tenth of the rate asked for to all of it, in a straight line over the first two thirds of the
 * warm-up, then the whole rate. A system that has just started is still compiling its hot paths; the whole rate at
 * once builds a backlog in its first seconds, and the measured window would inherit it (p50 of 19-27 s in the first
 * chat run after a start, 50-70 ms from the second).
 * <p>
 * A client's times are points on a grid in <em>load time</em>: time that runs at the share of the rate offered (a
 * tenth as fast at the start), one full-rate pause apart from the client's own offset. Clients keep their offsets, so
 * clients spread over a cycle stay spread. Stretching each pause by the share offered when it starts does not: every
 * client's next pause is shorter than its last, so clients that started apart catch up on each other (in a 60 s
 * warm-up, a gap of 1 s shrinks to 0.1 s in the first step), and all of them did the same step of their cycle in
 * the same few hundred milliseconds (voice: every Answer in one 400 ms window of each 2 s, every Retrieve in another).
 */
final class RampUp {

    private static final double FIRST_SHARE = 0.1;

    private final long startNanos;
    private final double rampNanos;
    /** The load time at the end of the ramp. */
    private final double rampLoadNanos;

    RampUp(int warmupSeconds) {
        this(warmupSeconds, System.nanoTime());
    }

    RampUp(int warmupSeconds, long startNanos) {
        this.startNanos = startNanos;
        this.rampNanos = TimeUnit.SECONDS.toNanos(warmupSeconds) * 2 / 3;
        this.rampLoadNanos = rampNanos * (1 + FIRST_SHARE) / 2;
    }

    /**
     * The client's next time after {@code dueNanos}: one full-rate pause of load time later, or, if that is already
     * past at {@code nowNanos} (a late answer), the first point of its grid from now on. A late client never sends a
     * burst to catch up, and it keeps its place among the others.
     */
    long next(long dueNanos, long fullRatePauseNanos, long nowNanos) {
        double next = load(dueNanos) + fullRatePauseNanos;
        double now = load(nowNanos);
        if (next < now) {
            next += Math.ceil((now - next) / fullRatePauseNanos) * fullRatePauseNanos;
        }
        return at(next);
    }

    /** The share of the whole rate offered at {@code nanos}. */
    double share(long nanos) {
        long elapsed = nanos - startNanos;
        if (rampNanos <= 0 || elapsed >= rampNanos) {
            return 1;
        }
        return FIRST_SHARE + (1 - FIRST_SHARE) * Math.max(0, elapsed) / rampNanos;
    }

    /**
     * The load time at {@code nanos}: the integral of {@link #share} since the start. On the ramp the share grows in a
     * straight line, so that is the time elapsed times the mean of the share at the start and now.
     */
    double load(long nanos) {
        double elapsed = nanos - startNanos;
        if (rampNanos <= 0 || elapsed >= rampNanos) {
            return elapsed - rampNanos + rampLoadNanos;
        }
        return elapsed * (FIRST_SHARE + share(nanos)) / 2;
    }

    /**
     * The time at which the load time is {@code load}: the inverse of {@link #load}. A client's first time is its
     * offset in load time; offsets spread evenly over a client's cycle (its pause, or all the steps of its cycle)
     * spread the load evenly over time.
     */
    long at(double load) {
        double elapsed;
        if (rampNanos <= 0 || load >= rampLoadNanos) {
            elapsed = load - rampLoadNanos + rampNanos;
        } else if (load <= 0) {
            elapsed = load / FIRST_SHARE;
        } else {
            double slope = (1 - FIRST_SHARE) / rampNanos;
            elapsed = (Math.sqrt(FIRST_SHARE * FIRST_SHARE + 2 * slope * load) - FIRST_SHARE) / slope;
        }
        return startNanos + Math.round(elapsed);
    }
}
