package io.opengws.notification.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.opengws.common.events.EventJson;

/** StartContactCenterSession waits for each channel's confirmation, and no longer than its patience. */
class ChannelActivationsTest {

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void answersAsSoonAsEveryChannelConfirmed() throws Exception {
        ChannelActivations activations = new ChannelActivations();
        activations.expect("u1", List.of("voice", "chat"));
        Thread confirmations = new Thread(() -> {
            activations.delivered("u2", json("{\"messageType\":\"DeviceStateChangeMessage\",\"devices\":[{\"deviceState\":\"Active\"}]}"));
            activations.delivered("u1", json("{\"messageType\":\"DeviceStateChangeMessage\",\"devices\":[{\"deviceState\":\"Inactive\"}]}"));
            activations.delivered("u1", json("{\"messageType\":\"DeviceStateChangeMessage\",\"devices\":[{\"deviceState\":\"Active\"}]}"));
            activations.delivered("u1", json("{\"messageType\":\"ChannelStateChangeMessage\",\"channels\":[{\"channel\":\"chat\"}]}"));
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
        activations.delivered("u1", json("{\"messageType\":\"DeviceStateChangeMessage\",\"devices\":[{\"deviceState\":\"Active\"}]}"));
        long started = System.nanoTime();
        activations.await("u1", Duration.ofMillis(300));
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(waited >= 250 && waited < 5_000, "waited " + waited + " ms");
    }
}
