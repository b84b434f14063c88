package io.opengws.voice;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.opengws.common.events.EventJson;
import io.opengws.common.events.NotificationEvent;
import io.opengws.common.events.SessionEvent;
import io.opengws.common.events.Topics;
import io.quarkus.test.junit.QuarkusTest;

/** The agent's voice channel: activated by gws.sessions, Ready/NotReady, each change notified on Kafka. */
@QuarkusTest
class VoiceChannelTest {

    @Test
    void readyIsRefusedUntilAVoiceSessionStartsThenNotifiedWithTheNewState() {
        String center = VoiceDirectory.contactCenter(List.of("api-voice"));
        String agent = VoiceDirectory.user(center, "ROLE_AGENT");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                VoiceDirectory.as(agent).body(Map.of("phoneNumber", "7001")).when().post("/api/v2/me/devices").then().statusCode(200));
        VoiceDirectory.as(agent).body(Map.of("operationName", "Ready")).when().post("/api/v2/me/channels/voice").then()
                .statusCode(400).body("statusCode", equalTo(2));

        VoiceDirectory.publish(Topics.SESSIONS, agent, new SessionEvent.SessionStarted(UUID.randomUUID().toString(), agent, center,
                "S1", List.of("voice", "chat"), Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                VoiceDirectory.as(agent).body(Map.of("operationName", "Ready")).when().post("/api/v2/me/channels/voice").then()
                        .statusCode(200).body("statusCode", equalTo(0)));
        VoiceDirectory.as(agent).body(Map.of("operationName", "Ready")).when().post("/api/v2/me/channels/voice").then()
                .statusCode(200).body("statusCode", equalTo(0));
        VoiceDirectory.as(agent).body(Map.of("operationName", "Busy")).when().post("/api/v2/me/channels/voice").then()
                .statusCode(400).body("statusCode", equalTo(2));

        JsonNode active = awaitDevices(agent, "NotReady");
        assertEquals("Active", active.path(0).path("deviceState").asText());
        JsonNode ready = awaitDevices(agent, "Ready");
        assertEquals("7001", ready.path(0).path("phoneNumber").asText());
        assertEquals("9430250E-0A1B-421F-B372-F29E69366DED", ready.path(0).path("userState").path("id").asText());

        VoiceDirectory.publish(Topics.SESSIONS, agent, new SessionEvent.SessionEnded(UUID.randomUUID().toString(), agent, center, "S1",
                SessionEvent.EndReason.logout, Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                VoiceDirectory.as(agent).body(Map.of("operationName", "Ready")).when().post("/api/v2/me/channels/voice").then()
                        .statusCode(400));
    }

    /** The devices of the first DeviceStateChangeMessage to {@code userId} whose first device is in {@code state}. */
    private static JsonNode awaitDevices(String userId, String state) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "voice-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(Set.of(Topics.NOTIFICATIONS_VOICE));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    NotificationEvent event = EventJson.read(record.value(), NotificationEvent.class);
                    JsonNode devices = event.data().path("devices");
                    if (userId.equals(event.userId()) && "/v2/me/devices".equals(event.channel())
                            && "DeviceStateChangeMessage".equals(event.data().path("messageType").asText())
                            && state.equals(devices.path(0).path("userState").path("state").asText())) {
                        return devices;
                    }
                }
            }
        }
        throw new AssertionError("no DeviceStateChangeMessage with " + state + " for " + userId);
    }
}
