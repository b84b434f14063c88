package io.opengws.voice;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.opengws.common.events.SessionEvent;
import io.opengws.common.events.Topics;
import io.opengws.local.testing.NotificationInbox;
import io.opengws.local.testing.TestDirectory;
import io.quarkus.test.junit.QuarkusTest;

/** The agent's voice channel: activated by gws.sessions, Ready/NotReady, each change notified on Kafka. */
@QuarkusTest
class VoiceChannelTest {

    @Test
    void readyIsRefusedUntilAVoiceSessionStartsThenNotifiedWithTheNewState() {
        String center = TestDirectory.contactCenter(List.of("api-voice"));
        String agent = TestDirectory.user(center, "Test", "ROLE_AGENT");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                TestDirectory.as(agent).body(Map.of("phoneNumber", "7001")).when().post("/api/v2/me/devices").then().statusCode(200));
        TestDirectory.as(agent).body(Map.of("operationName", "Ready")).when().post("/api/v2/me/channels/voice").then()
                .statusCode(400).body("statusCode", equalTo(2));

        TestDirectory.publish(Topics.SESSIONS, agent, new SessionEvent.SessionStarted(UUID.randomUUID().toString(), agent, center,
                "S1", List.of("voice", "chat"), Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                TestDirectory.as(agent).body(Map.of("operationName", "Ready")).when().post("/api/v2/me/channels/voice").then()
                        .statusCode(200).body("statusCode", equalTo(0)));
        TestDirectory.as(agent).body(Map.of("operationName", "Ready")).when().post("/api/v2/me/channels/voice").then()
                .statusCode(200).body("statusCode", equalTo(0));
        TestDirectory.as(agent).body(Map.of("operationName", "Busy")).when().post("/api/v2/me/channels/voice").then()
                .statusCode(400).body("statusCode", equalTo(2));

        JsonNode active = awaitDevices(agent, "NotReady");
        assertEquals("Active", active.path(0).path("deviceState").asText());
        JsonNode ready = awaitDevices(agent, "Ready");
        assertEquals("7001", ready.path(0).path("phoneNumber").asText());
        assertEquals("9430250E-0A1B-421F-B372-F29E69366DED", ready.path(0).path("userState").path("id").asText());

        TestDirectory.publish(Topics.SESSIONS, agent, new SessionEvent.SessionEnded(UUID.randomUUID().toString(), agent, center, "S1",
                SessionEvent.EndReason.logout, Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                TestDirectory.as(agent).body(Map.of("operationName", "Ready")).when().post("/api/v2/me/channels/voice").then()
                        .statusCode(400));
    }

    /** The devices of the first DeviceStateChangeMessage to {@code userId} whose first device is in {@code state}. */
    private static JsonNode awaitDevices(String userId, String state) {
        try (NotificationInbox inbox = new NotificationInbox(Topics.NOTIFICATIONS_VOICE)) {
            return inbox.await(userId, 0, "DeviceStateChangeMessage with " + state, event -> "/v2/me/devices".equals(event.channel())
                    && "DeviceStateChangeMessage".equals(event.data().path("messageType").asText())
                    && state.equals(event.data().path("devices").path(0).path("userState").path("state").asText()))
                    .data().path("devices");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
