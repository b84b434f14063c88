package io.opengws.common.outbox;

import java.util.ArrayList;
import java.util.List;

import io.opengws.common.events.EventJson;
import io.opengws.common.identity.RandomIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Where a state change writes its events: in its own transaction, so that the change and its events are
 * committed together or not at all. The {@link OutboxRelay} sends them to Kafka right after the commit.
 * A transaction's events are gathered and written in one statement just before it commits (one round trip per
 * change, not one per event), unless the change took them to write in a statement of its own ({@link #takePending}).
 */
@ApplicationScoped
public class Outbox {

    /** Fired once per writing transaction; the relay observes its successful completion. */
    public record Written() {
    }

    /** The transaction's events not written yet. */
    private static final Object PENDING = Outbox.class.getName() + ".pending";

    @Inject
    OutboxTable table;

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
        addRaw(topic, key, newEventId(), null);
    }

    private void addRaw(String topic, String key, String eventId, String payload) {
        pending().add(new OutboxEvent(null, eventId, topic, key, payload));
    }

    @SuppressWarnings("unchecked")
    private List<OutboxEvent> pending() {
        List<OutboxEvent> pending = (List<OutboxEvent>) transactions.getResource(PENDING);
        if (pending == null) {
            List<OutboxEvent> created = new ArrayList<>();
            transactions.putResource(PENDING, created);
            // Interposed: runs after the persistence context has flushed, still inside the transaction; a
            // failure to write rolls the whole change back.
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    table.insert(created);
                }

                @Override
                public void afterCompletion(int status) {
                    // Nothing: the relay is woken by Written once the commit succeeded.
                }
            });
            written.fire(new Written());
            pending = created;
        }
        return pending;
    }

    /**
     * Hands the transaction's events added so far to a caller that writes them itself, with {@link OutboxTable#INSERT_ALL}
     * embedded in a statement of this transaction it runs anyway: one round trip fewer per change. Events added later
     * are written at the commit as usual.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OutboxEvent> takePending() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> pending = (List<OutboxEvent>) transactions.getResource(PENDING);
        if (pending == null || pending.isEmpty()) {
            return List.of();
        }
        List<OutboxEvent> taken = List.copyOf(pending);
        pending.clear();
        return taken;
    }

    public static String newEventId() {
        return RandomIds.uuid();
    }
}
