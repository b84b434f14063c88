package io.opengws.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.opengws.common.events.EventJson;
import io.opengws.common.events.NotificationEvent;
import io.opengws.common.events.Topics;
import io.opengws.common.outbox.Outbox;
import io.opengws.local.testing.NotificationInbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The outbox relay on the real PostgreSQL and Kafka: the runs after commits read from the highest id they sent
 * (RelayFloor), so a row that commits below it, later than a quarter of a second after the ids above it were read,
 * is left to the sweep's read from the start. It must still reach the topic.
 */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    private final NotificationInbox inbox = ChatDesk.inbox();

    @Test
    void anEventCommittedBelowTheRelaysFloorIsStillSent() throws Exception {
        String user = "relay-" + Outbox.newEventId();
        int since = inbox.mark();
        // Two events a while apart, each sent by a run after its commit: the second run reads from above the first.
        sendAndAwait(user, since, "first");
        Thread.sleep(400);
        sendAndAwait(user, since, "second");
        Thread.sleep(400);

        // A commit below every id sent so far, as a transaction that took its id long before it committed would be.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO outbox_event (id, event_id, topic, record_key, payload) VALUES (0, ?, ?, ?, ?)")) {
            NotificationEvent late = event(user, "late");
            insert.setString(1, late.eventId());
            insert.setString(2, Topics.NOTIFICATIONS_CHAT);
            insert.setString(3, user);
            insert.setString(4, EventJson.write(late));
            insert.executeUpdate();
        }
        sendAndAwait(user, since, "third");

        assertNotNull(inbox.await(user, since, "the event committed below the floor, sent by the sweep", event -> "late".equals(text(event))));
        // Deleted by the relay's next read, at the latest the next sweep's.
        Awaitility.await("a sent event is removed from the outbox").atMost(Duration.ofSeconds(5)).until(() -> count("SELECT count(*) FROM outbox_event WHERE id = 0") == 0);
    }

    @Test
    void aSentEventIsDeletedByTheNextReadAndNotSentAgain() throws Exception {
        String user = "relay-" + Outbox.newEventId();
        int since = inbox.mark();
        sendAndAwait(user, since, "once");
        Awaitility.await("the outbox is empty after the next read").atMost(Duration.ofSeconds(5))
                .until(() -> count("SELECT count(*) FROM outbox_event WHERE record_key = '" + user + "'") == 0);
        sendAndAwait(user, since, "next");
        Thread.sleep(1_500); // a sweep reads from the start of the outbox
        assertEquals(List.of("once", "next"), inbox.of(user, since).stream().map(OutboxRelayTest::text).toList(),
                "each event arrives once: a sent one waiting for its delete is not read again");
    }

    private long count(String query) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aBacklogOfMoreThanABatchArrivesWholeAndInOrder() {
        String user = "relay-" + Outbox.newEventId();
        int since = inbox.mark();
        int count = 1_200; // the relay reads 500 at a time: three reads in one run, each from after the one before

        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                NotificationEvent event = event(user, String.valueOf(i));
                outbox.add(Topics.NOTIFICATIONS_CHAT, user, event.eventId(), event);
            }
        });

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> inbox.of(user, since).size() >= count);
        List<String> texts = inbox.of(user, since).stream().map(OutboxRelayTest::text).toList();
        assertEquals(IntStream.range(0, count).mapToObj(String::valueOf).toList(), texts,
                "every event once, in the order it was written: none skipped and left to a later sweep");
    }

    @Test
    void theOutboxIsVacuumedAsAQueue() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet options = sql.executeQuery("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'outbox_event'")) {
            options.next();
            String reloptions = options.getString(1);
            assertTrue(reloptions != null && reloptions.contains("autovacuum_vacuum_scale_factor=0")
                    && reloptions.contains("autovacuum_vacuum_cost_delay=0"), "V103 gives the outbox its own autovacuum settings: " + reloptions);
        }
    }

    /** Commits an event for the user and waits until the relay has delivered it. */
    private void sendAndAwait(String user, int since, String text) {
        QuarkusTransaction.requiringNew().run(() -> {
            NotificationEvent event = event(user, text);
            outbox.add(Topics.NOTIFICATIONS_CHAT, user, event.eventId(), event);
        });
        inbox.await(user, since, "the event '" + text + "'", event -> text.equals(text(event)));
    }

    private static NotificationEvent event(String user, String text) {
        return new NotificationEvent(Outbox.newEventId(), "relay-test", user, "/v2/me/chats",
                EventJson.mapper().createObjectNode().put("text", text), Instant.now());
    }

    private static String text(NotificationEvent event) {
        return event.data() == null ? null : event.data().path("text").asText(null);
    }
}
