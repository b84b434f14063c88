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
    void loadTimeRunsAtTheShareOfferedAndAtIsItsInverse() {
        RampUp ramp = new RampUp(60, START);

        assertEquals(0, ramp.load(seconds(0)), 1);
        // The mean share over the 40 s ramp is 0.55.
        assertEquals(TimeUnit.SECONDS.toNanos(22), ramp.load(seconds(40)), 1e3);
        assertEquals(TimeUnit.SECONDS.toNanos(32), ramp.load(seconds(50)), 1e3);
        for (double at : new double[] {-1, 0, 0.001, 3, 20, 39.999, 40, 41, 600}) {
            assertEquals(seconds(at), ramp.at(ramp.load(seconds(at))), 1_000, "at " + at + " s");
        }
    }

    @Test
    void clientsKeepTheirDistanceInLoadTimeThroughTheRamp() {
        RampUp ramp = new RampUp(60, START);
        long pause = TimeUnit.MILLISECONDS.toNanos(400);
        long first = ramp.at(TimeUnit.MILLISECONDS.toNanos(100));
        long second = ramp.at(TimeUnit.MILLISECONDS.toNanos(1_900));

        for (int step = 0; step < 200; step++) {
            first = ramp.next(first, pause, first);
            second = ramp.next(second, pause, second);
        }

        // 80 s in: after the ramp, load time runs as fast as time, so the 1.8 s between them is 1.8 s again.
        assertTrue(first > seconds(40));
        assertEquals(TimeUnit.MILLISECONDS.toNanos(1_800), second - first, 1_000);
    }

    @Test
    void clientsSpreadOverTheirPauseOfferTheShareOfTheRateEvenly() {
        RampUp ramp = new RampUp(60, START);
        long pause = TimeUnit.MILLISECONDS.toNanos(400);
        int clients = 1_000;
        int[] perTenth = new int[800];
        for (int client = 0; client < clients; client++) {
            for (long due = ramp.at(pause * client / clients); due < seconds(80); due = ramp.next(due, pause, due)) {
                perTenth[(int) ((due - START) / TimeUnit.MILLISECONDS.toNanos(100))]++;
            }
        }

        // 2,500 a second at the whole rate: at 20 s, 0.55 of it; from 40 s on, all of it, 250 every tenth of a second.
        assertEquals(0.55 * 250, perTenth[200], 3);
        for (int tenth = 400; tenth < 800; tenth++) {
            assertEquals(250, perTenth[tenth], 1, "tenth " + tenth);
        }
    }

    @Test
    void aLateClientGoesOnAtTheNextPointOfItsGrid() {
        RampUp ramp = new RampUp(60, START);
        long pause = TimeUnit.MILLISECONDS.toNanos(400);
        long due = seconds(50);

        assertEquals(due + pause, ramp.next(due, pause, due + pause / 2), 1);
        assertEquals(due + 3 * pause, ramp.next(due, pause, due + pause * 5 / 2), 1);
    }

    @Test
    void withoutAWarmUpTheWholeRateAtOnce() {
        RampUp ramp = new RampUp(0, START);

        assertEquals(1.0, ramp.share(seconds(0)), 1e-9);
        assertEquals(seconds(1.5), ramp.next(seconds(1), TimeUnit.MILLISECONDS.toNanos(500), seconds(1)), 1);
    }
}
