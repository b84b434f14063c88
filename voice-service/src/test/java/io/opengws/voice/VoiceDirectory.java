package io.opengws.voice;

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
import io.opengws.common.events.Topics;
import io.opengws.common.events.UserRecord;
import io.opengws.common.identity.PasswordHasher;
import io.restassured.specification.RequestSpecification;

/** Directory and session records published to the real broker, as the notification service publishes them. */
final class VoiceDirectory {

    static final String PASSWORD = "secret";
    private static final String HASH = PasswordHasher.hash(PASSWORD);

    private VoiceDirectory() {
    }

    static String contactCenter(List<String> features) {
        String id = id();
        publish(Topics.DIRECTORY, ContactCenterRecord.key(id), new ContactCenterRecord(id, "cc-" + id, features, Map.of(), Instant.now()));
        return id;
    }

    static String user(String contactCenterId, String... roles) {
        String id = id();
        publish(Topics.DIRECTORY, UserRecord.key(id), new UserRecord(id, contactCenterId, id + "@voice.test", HASH, "Test", "User", null,
                List.of(roles), true, Instant.now()));
        return id;
    }

    static RequestSpecification as(String userId) {
        return given().auth().preemptive().basic(userId + "@voice.test", PASSWORD).contentType("application/json");
    }

    static String id() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static void publish(String topic, String key, Object record) {
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
