package io.opengws.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class RampUpTest {

    private static final long START = 1_000_000_000L;

    private static long seconds(double seconds) {
        return START + (long) (seconds * TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void aTenthOfTheRateAtTheStartAllOfItAfterTwoThirdsOfTheWarmUp() {
        RampUp ramp = new RampUp(60, START);

        assertEquals(0.1, ramp.share(seconds(0)), 1e-9);
        assertEquals(0.55, ramp.share(seconds(20)), 1e-9);
        assertEquals(1.0, ramp.share(seconds(40)), 1e-9);
        assertEquals(1.0, ramp.share(seconds(59)), 1e-9);
        assertEquals(1.0, ramp.share(seconds(600)), 1e-9);
    }

    @Test
    void theRateOnlyGrows() {
        RampUp ramp = new RampUp(30, START);
        double before = 0;
        for (int tenth = 0; tenth <= 400; tenth++) {
            double share = ramp.share(seconds(tenth / 10.0));
            assertTrue(share >= before, "share at " + tenth / 10.0 + " s");
            before = share;
        }
    }

    @Test
    void aPauseIsLongerByTheShareNotOffered() {
        RampUp ramp = new RampUp(60, System.nanoTime());

        long pause = ramp.pause(TimeUnit.MILLISECONDS.toNanos(300));

        // Just started: about ten times the pause at the whole rate.
        assertTrue(pause > TimeUnit.MILLISECONDS.toNanos(2_900) && pause <= TimeUnit.MILLISECONDS.toNanos(3_000), "pause " + pause);
    }

    @Test
    void withoutAWarmUpTheWholeRateAtOnce() {
        RampUp ramp = new RampUp(0, START);

        assertEquals(1.0, ramp.share(seconds(0)), 1e-9);
    }
}
