package io.opengws.notification.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bounded memory that makes the fan-out idempotent on eventId. */
class RecentEventIdsTest {

    @Test
    void anIdIsNewOnlyTheFirstTime() {
        RecentEventIds ids = new RecentEventIds(10);

        assertTrue(ids.firstSighting("e1"));
        assertFalse(ids.firstSighting("e1"));
        assertTrue(ids.firstSighting("e2"));
    }

    @Test
    void theOldestIdIsForgottenBeyondTheCapacity() {
        RecentEventIds ids = new RecentEventIds(2);
        ids.firstSighting("e1");
        ids.firstSighting("e2");
        ids.firstSighting("e3");

        assertFalse(ids.firstSighting("e3"));
        assertFalse(ids.firstSighting("e2"));
        assertTrue(ids.firstSighting("e1"), "e1 was the oldest and was forgotten");
    }
}
