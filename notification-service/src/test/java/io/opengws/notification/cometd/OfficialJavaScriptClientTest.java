package io.opengws.notification.cometd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.opengws.common.events.Topics;
import io.opengws.notification.messaging.TestNotifications;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The official CometD JavaScript client (npm cometd 9.0.0 with cometd-nodejs-client 2.0.0, the pair the
 * acceptance suite runs) against this server, in a Node process of its own.
 */
@QuarkusTest
class OfficialJavaScriptClientTest {

    private static final long WAIT_SECONDS = 20;

    @TestHTTPResource("/api/v2/notifications")
    URI notifications;

    @Inject
    BayeuxServer server;

    @Test
    void handshakesSubscribesReceivesAKafkaNotificationAndDisconnects() throws Exception {
        FanOutReadiness.await(notifications);
        BayeuxPrincipal user = TestNotifications.newUser();
        try (NodeCometdClient client = new NodeCometdClient(notifications.toString(), TestBayeuxAuthenticator.basic(user), "/v2/me/*")) {
            JsonNode handshake = client.await("handshake", WAIT_SECONDS);
            assertTrue(handshake.path("successful").asBoolean(), handshake::toString);
            assertTrue(handshake.path("clientId").asText().matches("[A-Za-z0-9]+"), handshake::toString);
            assertTrue(client.await("subscribed", WAIT_SECONDS).path("successful").asBoolean());
            client.await("connected", WAIT_SECONDS);
            assertTrue(server.hasLiveSession(user.userId()));

            TestNotifications.send(Topics.NOTIFICATIONS_VOICE, user, "/v2/me/devices", TestNotifications.data("DeviceStateChangeMessage", 5));
            JsonNode message = client.await("message", WAIT_SECONDS).path("message");

            assertEquals("/v2/me/devices", message.path("channel").asText());
            assertEquals("DeviceStateChangeMessage", message.path("data").path("messageType").asText());
            assertEquals(5, message.path("data").path("n").asInt());
            assertFalse(message.has("clientId"), message::toString);

            client.send("disconnect");
            // The callback comes, but not always with successful: true. The client sends its next connect as soon
            // as the message is delivered; when the server takes the disconnect first, that connect gets
            // 402::Unknown client (reference: connect after disconnect), and the client, already disconnecting,
            // aborts its own disconnect request and reports it unsuccessful. What matters is what the server did.
            JsonNode disconnected = client.await("disconnected", WAIT_SECONDS);
            assertTrue(disconnected.has("successful"), disconnected::toString);
            assertEquals(0, client.exitCode(WAIT_SECONDS));
            assertFalse(server.hasLiveSession(user.userId()), "the session ended with the disconnect");
        }
    }

    @Test
    void aClientWithoutCredentialsIsRefusedAtHandshake() throws Exception {
        try (NodeCometdClient client = new NodeCometdClient(notifications.toString(), "", "/v2/me/*")) {
            JsonNode handshake = client.await("handshake", WAIT_SECONDS);

            assertFalse(handshake.path("successful").asBoolean(), handshake::toString);
            assertEquals("403::Handshake denied", handshake.path("error").asText());
            assertEquals(2, client.exitCode(WAIT_SECONDS));
        }
    }
}
