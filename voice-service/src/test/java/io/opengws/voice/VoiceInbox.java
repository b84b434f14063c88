package io.opengws.voice;

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

import io.opengws.common.events.EventJson;
import io.opengws.common.events.NotificationEvent;
import io.opengws.common.events.Topics;

/** Everything voice-service publishes on gws.notifications.voice, read from the real broker as it arrives. */
final class VoiceInbox implements AutoCloseable {

    private final List<NotificationEvent> received = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean open = true;

    VoiceInbox() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "voice-inbox-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(Set.of(Topics.NOTIFICATIONS_VOICE));
        reader = new Thread(() -> {
            try (consumer) {
                while (open) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        received.add(EventJson.read(record.value(), NotificationEvent.class));
                    }
                }
            }
        }, "voice-inbox");
        reader.setDaemon(true);
        reader.start();
    }

    /** Position after everything received so far. */
    int mark() {
        return received.size();
    }

    /** The first message to {@code userId} from {@code since} on that matches, waiting up to 20 s. */
    NotificationEvent await(String userId, int since, String description, Predicate<NotificationEvent> match) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            List<NotificationEvent> seen = List.copyOf(received);
            for (int i = since; i < seen.size(); i++) {
                NotificationEvent event = seen.get(i);
                if (userId.equals(event.userId()) && match.test(event)) {
                    return event;
                }
            }
            sleep();
        }
        throw new AssertionError("No " + description + " for user " + userId + " among " + received.stream()
                .filter(event -> userId.equals(event.userId())).map(event -> event.data().toString()).toList());
    }

    /** Messages to {@code userId} from {@code since} on. */
    List<NotificationEvent> of(String userId, int since) {
        List<NotificationEvent> seen = List.copyOf(received);
        return seen.subList(Math.min(since, seen.size()), seen.size()).stream().filter(event -> userId.equals(event.userId())).toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        reader.join(5_000);
    }
}
