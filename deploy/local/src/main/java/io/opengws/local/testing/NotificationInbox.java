package io.opengws.local.testing;

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

/** Everything a service publishes on one {@code gws.notifications.*} topic, read from the real broker as it arrives. */
public final class NotificationInbox implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final List<NotificationEvent> received = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean open = true;

    public NotificationInbox(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "inbox-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(Set.of(topic));
        reader = new Thread(() -> {
            try (consumer) {
                while (open) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        received.add(EventJson.read(record.value(), NotificationEvent.class));
                    }
                }
            }
        }, "inbox-" + topic);
        reader.setDaemon(true);
        reader.start();
    }

    /** Position after everything received so far. */
    public int mark() {
        return received.size();
    }

    /** The first message to {@code userId} from {@code since} on that matches, waiting up to 20 s. */
    public NotificationEvent await(String userId, int since, String description, Predicate<NotificationEvent> match) {
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

    /** Messages to {@code userId} from {@code since} on, in the order they arrived. */
    public List<NotificationEvent> of(String userId, int since) {
        List<NotificationEvent> seen = List.copyOf(received);
        return seen.subList(Math.min(since, seen.size()), seen.size()).stream().filter(event -> userId.equals(event.userId())).toList();
    }

    private static void pause() {
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
