package io.opengws.notification.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opengws.common.events.EventJson;
import io.opengws.common.events.NotificationEvent;
import io.opengws.common.events.Topics;
import io.opengws.notification.cometd.BayeuxPrincipal;

/**
 * Writes notifications to the real Kafka broker the way the channel services do: a {@link NotificationEvent}
 * as JSON, keyed by the recipient's user id. One producer per test JVM.
 */
public final class TestNotifications {

    public static final List<String> TOPICS = List.of(Topics.NOTIFICATIONS_VOICE, Topics.NOTIFICATIONS_CHAT, Topics.NOTIFICATIONS_SMS);

    private static KafkaProducer<String, String> producer;

    private TestNotifications() {
    }

    /** A GWS-like message body, numbered so that order and identity can be checked. */
    public static ObjectNode data(String messageType, int n) {
        return JsonNodeFactory.instance.objectNode().put("messageType", messageType).put("n", n);
    }

    /** A new principal: a 32-hex user id in a contact center of its own, unless one is given. */
    public static BayeuxPrincipal newUser(String contactCenterId) {
        return new BayeuxPrincipal(UUID.randomUUID().toString().replace("-", ""), contactCenterId);
    }

    public static BayeuxPrincipal newUser() {
        return newUser(UUID.randomUUID().toString());
    }

    /** Sends a notification and waits until the broker has it; its eventId. */
    public static String send(String topic, BayeuxPrincipal recipient, String channel, ObjectNode data) {
        String eventId = UUID.randomUUID().toString();
        sendEvent(topic, new NotificationEvent(eventId, recipient.contactCenterId(), recipient.userId(), channel, data, Instant.now()));
        return eventId;
    }

    public static void sendEvent(String topic, NotificationEvent event) {
        sendRaw(topic, event.userId(), EventJson.write(event));
    }

    /** Any value, malformed ones included. */
    public static void sendRaw(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the record", e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "test-notifications-producer-close"));
        }
        return producer;
    }
}
