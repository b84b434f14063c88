package io.opengws.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NotificationsBenchmarkOptionsTest {

    @Test
    void byDefaultTheSessionsAreHeldOnTheServiceItselfAfterAWarmUpLongEnoughToCompileIt() {
        NotificationsBenchmark.Options options = NotificationsBenchmark.options(List.of());

        assertTrue(options.direct());
        assertEquals(15, options.warmupSeconds());
        assertEquals(2000, options.sessions());
        assertEquals(500, options.eventsPerSecond());
        assertFalse(options.trace());
    }

    @Test
    void edgeAndTraceAreAskedFor() {
        NotificationsBenchmark.Options options = NotificationsBenchmark.options(List.of("--edge", "1", "--trace", "1", "--users", "5000"));

        assertFalse(options.direct());
        assertTrue(options.trace());
        assertEquals(2000, options.users(), "never more users than sessions");
    }

    @Test
    void theSendTimesOfEveryEventInAReplyAreFound() {
        List<Long> sentAt = new ArrayList<>();

        LongPollClient.scanSentAt("[{\"data\":{\"benchSentAtNanos\":12},\"channel\":\"/v2/me/calls\"},"
                + "{\"data\":{\"benchSentAtNanos\":345}},{\"channel\":\"/meta/connect\",\"successful\":true}]", sentAt::add);

        assertEquals(List.of(12L, 345L), sentAt);
    }
}
