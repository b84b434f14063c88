package io.opengws.sms;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

import io.opengws.common.events.ContactCenterRecord;
import io.opengws.common.events.EventJson;
import io.opengws.common.events.SessionEvent;
import io.opengws.common.events.Topics;
import io.opengws.common.events.UserRecord;
import io.opengws.common.identity.PasswordHasher;
import io.restassured.specification.RequestSpecification;

/**
 * A fresh contact center of the real broker, as the notification service publishes it (gws.directory,
 * gws.sessions), with its people and the SMS simulator's phones. Each test makes its own, so no test sees another's
 * agents, queue or subscriptions.
 */
final class SmsContactCenter {

    static final List<String> FEATURES = List.of("api-multimedia", "api-supervisor-monitoring", "api-simulator");
    static final String ROUTING_POINT = "5001";
    static final String ORIGIN = "http://localhost:8080";
    private static final String PASSWORD = "secret";
    private static final String HASH = PasswordHasher.hash(PASSWORD);
    private static final Duration REPLICATION = Duration.ofSeconds(20);
    private static KafkaProducer<String, String> producer;

    final String id;
    final String admin;

    private SmsContactCenter(List<String> features, Map<String, String> settings) {
        id = newId();
        publish(Topics.DIRECTORY, ContactCenterRecord.key(id), new ContactCenterRecord(id, "cc-" + id, features, settings, Instant.now()));
        admin = user("Admin", "ROLE_ADMIN");
    }

    static SmsContactCenter create() {
        return new SmsContactCenter(FEATURES, Map.of());
    }

    static SmsContactCenter create(List<String> features, Map<String, String> settings) {
        return new SmsContactCenter(features, settings);
    }

    /** A user of this contact center, once sms-service's directory replica knows it (it can authenticate). */
    String user(String firstName, String... roles) {
        String userId = newId();
        publish(Topics.DIRECTORY, UserRecord.key(userId), new UserRecord(userId, id, userId + "@sms.test", HASH, firstName, "Tester", null,
                List.of(roles), true, Instant.now()));
        Awaitility.await().atMost(REPLICATION).untilAsserted(() -> as(userId).get("/api/v2/me/smssessions").then().statusCode(200));
        return userId;
    }

    /** An agent whose contact-center session includes the smssession channel, Ready on it: routing offers it texts. */
    String readyAgent(String firstName) {
        String agent = user(firstName, "ROLE_AGENT");
        publish(Topics.SESSIONS, agent, new SessionEvent.SessionStarted(UUID.randomUUID().toString(), agent, id, "S-" + agent,
                List.of("smssession"), Instant.now()));
        // The channel becomes active when sms-service has read the session: until then Ready answers statusCode 2.
        Awaitility.await().atMost(REPLICATION).untilAsserted(() -> as(agent).body(Map.of("operationName", "Ready"))
                .post("/api/v2/me/channels/smssession").then().statusCode(200).body("statusCode", equalTo(0)));
        return agent;
    }

    String supervisor(String firstName) {
        return user(firstName, "ROLE_AGENT", "ROLE_SUPERVISOR");
    }

    /** A phone texts {@code to}; the simulator answers the session the text went to. */
    String text(String from, String to, String text) {
        return as(admin).body(Map.of("from", from, "to", to, "text", text)).post("/api/v2/simulator/sms")
                .then().statusCode(200).body("statusCode", equalTo(0)).extract().path("smssessionId");
    }

    String text(String from, String text) {
        return text(from, ROUTING_POINT, text);
    }

    /** The texts the phone has received, oldest first. */
    List<String> phone(String msisdn) {
        return as(admin).queryParam("msisdn", msisdn).get("/api/v2/simulator/sms").then().statusCode(200)
                .body("statusCode", equalTo(0)).extract().jsonPath().getList("messages.text", String.class);
    }

    static RequestSpecification as(String userId) {
        return given().auth().preemptive().basic(userId + "@sms.test", PASSWORD).contentType("application/json");
    }

    static String userUri(String userId) {
        return ORIGIN + "/api/v2/users/" + userId;
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** One producer for the whole run: a new one per record would pay the broker's metadata round trips every time. */
    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        }
        return producer;
    }

    private static void publish(String topic, String key, Object record) {
        try {
            producer().send(new ProducerRecord<>(topic, key, EventJson.write(record))).get();
        } catch (Exception e) {
            throw new AssertionError("could not publish " + key, e);
        }
    }
}
