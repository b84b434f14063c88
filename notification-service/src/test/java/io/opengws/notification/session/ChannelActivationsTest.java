package io.opengws.notification.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** StartContactCenterSession waits for each channel's confirmation, and no longer than its patience. */
class ChannelActivationsTest {

    @Test
    void answersAsSoonAsEveryChannelConfirmed() throws Exception {
        ChannelActivations activations = new ChannelActivations();
        activations.expect("u1", List.of("voice", "chat"));
        Thread confirmations = new Thread(() -> {
            activations.delivered("u2", "voice");
            activations.delivered("u1", null);
            activations.delivered("u1", "voice");
            activations.delivered("u1", "chat");
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
        activations.delivered("u1", "voice");
        long started = System.nanoTime();
        activations.await("u1", Duration.ofMillis(300));
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(waited >= 250 && waited < 5_000, "waited " + waited + " ms");
    }
}
