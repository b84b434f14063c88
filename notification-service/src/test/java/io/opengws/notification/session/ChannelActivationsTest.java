package io.opengws.notification.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.opengws.common.events.EventJson;
import io.opengws.common.events.NotificationEvent;

/** StartContactCenterSession waits for each channel's confirmation, and no longer than its patience. */
class ChannelActivationsTest {

    private static NotificationEvent event(String userId, String activatesChannel) {
        return new NotificationEvent("e-" + userId + activatesChannel, "cc", userId, "/v2/me/devices",
                EventJson.mapper().createObjectNode().put("messageType", "DeviceStateChangeMessage"), Instant.now(), activatesChannel);
    }

    @Test
    void answersAsSoonAsEveryChannelConfirmed() throws Exception {
        ChannelActivations activations = new ChannelActivations();
        activations.expect("u1", List.of("voice", "chat"));
        Thread confirmations = new Thread(() -> {
            activations.delivered(event("u2", "voice"));
            activations.delivered(event("u1", null));
            activations.delivered(event("u1", "voice"));
            activations.delivered(event("u1", "chat"));
        });
        long started = System.nanoTime();
        confirmations.start();
        activations.await("u1", Duration.ofSeconds(10));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 5_000, "answered on confirmation, not on patience");
        confirmations.join();
    }

    @Test
    void givesUpAfterItsPatienceWhenAChannelNeverConfirms() {
        ChannelActivations activations = new ChannelActivations();
        activations.expect("u1", List.of("voice", "smssession"));
        activations.delivered(event("u1", "voice"));
        long started = System.nanoTime();
        activations.await("u1", Duration.ofMillis(300));
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(waited >= 250 && waited < 5_000, "waited " + waited + " ms");
    }
}
