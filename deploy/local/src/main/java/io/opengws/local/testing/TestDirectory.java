package io.opengws.local.testing;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import io.opengws.common.events.ContactCenterRecord;
import io.opengws.common.events.EventJson;
import io.opengws.common.events.SessionEvent;
import io.opengws.common.events.Topics;
import io.opengws.common.events.UserRecord;
import io.opengws.common.identity.PasswordHasher;
import io.restassured.specification.RequestSpecification;

/**
 * Contact centers, users and contact-center sessions published to the real broker of a {@code @QuarkusTest}, as the
 * notification service publishes them, and requests authenticated as one of those users. Every id is new, so tests
 * never see each other's records.
 */
public final class TestDirectory {

    public static final String PASSWORD = "secret";
    private static final String HASH = PasswordHasher.hash(PASSWORD);
    private static final String DOMAIN = "@opengws.test";

    private TestDirectory() {
    }

    public static String contactCenter(List<String> features) {
        return contactCenter(features, Map.of());
    }

    public static String contactCenter(List<String> features, Map<String, String> settings) {
        String id = id();
        publish(Topics.DIRECTORY, ContactCenterRecord.key(id), new ContactCenterRecord(id, "cc-" + id, features, settings, Instant.now()));
        return id;
    }

    /** A user whose first name, the nickname GWS shows by default, is {@code firstName}. */
    public static String user(String contactCenterId, String firstName, String... roles) {
        String id = id();
        publish(Topics.DIRECTORY, UserRecord.key(id), new UserRecord(id, contactCenterId, userName(id), HASH, firstName, "User", null,
                List.of(roles), true, Instant.now()));
        return id;
    }

    public static String userName(String userId) {
        return userId + DOMAIN;
    }

    /** The user's contact-center session started with these channels (gws.sessions). */
    public static void sessionStarted(String userId, String contactCenterId, String... channels) {
        publish(Topics.SESSIONS, userId, new SessionEvent.SessionStarted(UUID.randomUUID().toString(), userId, contactCenterId,
                "S-" + userId, List.of(channels), Instant.now()));
    }

    public static RequestSpecification as(String userId) {
        return given().auth().preemptive().basic(userName(userId), PASSWORD).contentType("application/json");
    }

    public static String id() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    public static void publish(String topic, String key, Object record) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, key, EventJson.write(record))).get();
        } catch (Exception e) {
            throw new AssertionError("could not publish " + key, e);
        }
    }
}
