package io.opengws.sms;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;

import io.opengws.common.events.EventJson;
import io.opengws.common.events.NotificationEvent;
import io.opengws.common.events.Topics;

/**
 * Everything sms-service publishes on gws.notifications.sms, read from the real broker as it arrives. One reader
 * for the whole test run ({@link #shared()}): every test works in a contact center of its own and reads from a
 * {@link #mark()}, so sharing costs nothing and saves a consumer-group join per class.
 */
final class SmsInbox {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static SmsInbox shared;

    private final List<NotificationEvent> received = new CopyOnWriteArrayList<>();

    static synchronized SmsInbox shared() {
        if (shared == null) {
            shared = new SmsInbox();
        }
        return shared;
    }

    private SmsInbox() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "sms-inbox-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(Set.of(Topics.NOTIFICATIONS_SMS));
        // A daemon: it reads until the test JVM exits.
        Thread reader = new Thread(() -> {
            try (consumer) {
                while (true) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        received.add(EventJson.read(record.value(), NotificationEvent.class));
                    }
                }
            }
        }, "sms-inbox");
        reader.setDaemon(true);
        reader.start();
    }

    /** Position after everything received so far. */
    int mark() {
        return received.size();
    }

    /** The first message to {@code userId} from {@code since} on that matches, waiting up to 20 s. */
    NotificationEvent await(String userId, int since, String description, Predicate<NotificationEvent> match) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (NotificationEvent event : of(userId, since)) {
                if (match.test(event)) {
                    return event;
                }
            }
            pause();
        }
        throw new AssertionError("No " + description + " for user " + userId + " among "
                + of(userId, since).stream().map(event -> event.data().toString()).toList());
    }

    /** The {@code smssession} of the first SMSsessionStateChangeMessage to {@code userId} about that session that matches. */
    JsonNode awaitSession(String userId, int since, String sessionId, String description, Predicate<JsonNode> match) {
        return await(userId, since, description + " of " + sessionId,
                event -> isStateChange(event, sessionId) && match.test(event.data().path("smssession"))).data().path("smssession");
    }

    /** The messages of the first MessageLogUpdated to {@code userId} about that session with a message that matches. */
    JsonNode awaitMessage(String userId, int since, String sessionId, String description, Predicate<JsonNode> match) {
        return await(userId, since, description + " in " + sessionId, event -> {
            if (!isMessageLog(event, sessionId)) {
                return false;
            }
            for (JsonNode message : event.data().path("messages")) {
                if (match.test(message)) {
                    return true;
                }
            }
            return false;
        }).data().path("messages");
    }

    /** Messages to {@code userId} from {@code since} on. */
    List<NotificationEvent> of(String userId, int since) {
        List<NotificationEvent> seen = List.copyOf(received);
        return seen.subList(Math.min(since, seen.size()), seen.size()).stream().filter(event -> userId.equals(event.userId())).toList();
    }

    /** Messages to {@code userId} from {@code since} on about that SMS session, state changes and transcript alike. */
    List<NotificationEvent> about(String userId, int since, String sessionId) {
        return of(userId, since).stream().filter(event -> isStateChange(event, sessionId) || isMessageLog(event, sessionId)).toList();
    }

    static boolean isStateChange(NotificationEvent event, String sessionId) {
        return "/v2/me/smssessions".equals(event.channel())
                && "SMSsessionStateChangeMessage".equals(event.data().path("messageType").asText())
                && sessionId.equals(event.data().path("smssession").path("id").asText());
    }

    static boolean isMessageLog(NotificationEvent event, String sessionId) {
        return "/v2/me/smssessions".equals(event.channel())
                && "MessageLogUpdated".equals(event.data().path("messageType").asText())
                && event.data().path("smssessionPath").asText().equals("/smssessions/" + sessionId);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
