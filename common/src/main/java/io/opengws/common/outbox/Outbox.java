package io.opengws.common.outbox;

import java.time.Instant;
import java.util.UUID;

import io.opengws.common.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Where a state change writes its events: in its own transaction, so that the change and its events are
 * committed together or not at all. The {@link OutboxRelay} sends them to Kafka right after the commit.
 */
@ApplicationScoped
public class Outbox {

    /** Fired once per writing transaction; the relay observes its successful completion. */
    public record Written() {
    }

    /** Marks a transaction that has already announced its events: one relay wake-up per commit, not per event. */
    private static final Object ANNOUNCED = Outbox.class.getName() + ".announced";

    @Inject
    OutboxRepository repository;

    @Inject
    Event<Written> written;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, String key, String eventId, Object event) {
        addRaw(topic, key, eventId, event == null ? null : EventJson.write(event));
    }

    /** A tombstone: the key's latest value is "deleted" (compacted topics). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addTombstone(String topic, String key) {
        addRaw(topic, key, UUID.randomUUID().toString(), null);
    }

    private void addRaw(String topic, String key, String eventId, String payload) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = eventId;
        row.topic = topic;
        row.recordKey = key;
        row.payload = payload;
        row.createdAt = Instant.now();
        repository.persist(row);
        if (transactions.getResource(ANNOUNCED) == null) {
            transactions.putResource(ANNOUNCED, Boolean.TRUE);
            written.fire(new Written());
        }
    }

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }
}
