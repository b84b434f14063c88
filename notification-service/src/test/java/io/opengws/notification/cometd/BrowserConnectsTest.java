package io.opengws.notification.cometd;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One browser holds at most the configured number of long polls; others poll. */
class BrowserConnectsTest {

    @Test
    void aBrowserHoldsOneConnectAtATimeByDefault() {
        BrowserConnects connects = new BrowserConnects(1);

        assertTrue(connects.tryHold("browser", "s1"));
        assertFalse(connects.tryHold("browser", "s2"));
        assertTrue(connects.tryHold("other-browser", "s3"));
    }

    @Test
    void aSessionMayHoldAgainAndAReleasedPlaceIsFree() {
        BrowserConnects connects = new BrowserConnects(1);
        connects.tryHold("browser", "s1");

        assertTrue(connects.tryHold("browser", "s1"));
        connects.release("browser", "s1");
        assertTrue(connects.tryHold("browser", "s2"));
    }

    @Test
    void aLargerLimitAllowsThatManySessions() {
        BrowserConnects connects = new BrowserConnects(2);

        assertTrue(connects.tryHold("browser", "s1"));
        assertTrue(connects.tryHold("browser", "s2"));
        assertFalse(connects.tryHold("browser", "s3"));
    }

    @Test
    void aNegativeLimitMeansNoLimit() {
        BrowserConnects connects = new BrowserConnects(-1);
        for (int i = 0; i < 10; i++) {
            assertTrue(connects.tryHold("browser", "s" + i));
        }
    }

    @Test
    void releasingAnUnknownSessionChangesNothing() {
        BrowserConnects connects = new BrowserConnects(1);
        connects.tryHold("browser", "s1");
        connects.release("browser", "s2");
        connects.release("nobody", "s1");

        assertFalse(connects.tryHold("browser", "s2"));
    }
}
