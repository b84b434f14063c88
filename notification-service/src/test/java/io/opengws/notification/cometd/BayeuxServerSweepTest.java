package io.opengws.notification.cometd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BayeuxServerSweepTest {

    @Test
    void sessionsAreLookedAtFourTimesPerMaxIntervalWithinFiftyMillisecondsToOneSecond() {
        assertEquals(1000, BayeuxServer.sweepPeriodMillis(10_000));
        assertEquals(1000, BayeuxServer.sweepPeriodMillis(4_000));
        assertEquals(500, BayeuxServer.sweepPeriodMillis(2_000));
        assertEquals(50, BayeuxServer.sweepPeriodMillis(100));
        assertEquals(50, BayeuxServer.sweepPeriodMillis(0));
    }
}
