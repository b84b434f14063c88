package io.opengws.common.multimedia;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.opengws.common.work.AtTransactionEnd;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The interactions as this service last committed them, so that an agent's operation (a message, most of all) starts
 * from memory instead of reading and locking its row: one round trip to the database fewer, and no row lock to take
 * and write. Such a change writes only over the version it started from ({@link MediaInteractionRow#version}); when the
 * row has moved on (another replica changed it, or a change of this service not committed yet when it started), it is
 * done again from the row, locked ({@link InteractionDesk#operate}). So a copy here may be old, never wrong.
 */
@ApplicationScoped
public class InteractionCache {

    /** How many interactions are remembered, the least recently used forgotten first: a few KB each. */
    static final int CAPACITY = 10_000;

    /** A committed row, immutable: each change gets a copy of its own to change. */
    private record Committed(String contactCenterId, String customerKey, String body, Instant waitingSince, Instant completedAt,
            Instant updatedAt, long version) {

        static Committed of(MediaInteractionRow row) {
            return new Committed(row.contactCenterId, row.customerKey, row.body, row.waitingSince, row.completedAt, row.updatedAt,
                    row.version);
        }
    }

    private final Map<String, Committed> byId = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Committed> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The transaction's rows to remember when it commits. */
    private static final Object WRITTEN = InteractionCache.class.getName() + ".written";

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** A copy of the interaction's row as last committed here, not attached to any persistence context. */
    public Optional<MediaInteractionRow> committed(String interactionId) {
        Committed known;
        synchronized (byId) {
            known = byId.get(interactionId);
        }
        if (known == null) {
            return Optional.empty();
        }
        MediaInteractionRow row = new MediaInteractionRow();
        row.id = interactionId;
        row.contactCenterId = known.contactCenterId();
        row.customerKey = known.customerKey();
        row.body = known.body();
        row.waitingSince = known.waitingSince();
        row.completedAt = known.completedAt();
        row.updatedAt = known.updatedAt();
        row.version = known.version();
        return Optional.of(row);
    }

    /**
     * The row as it is now is remembered once the current transaction commits; if it rolls back, the interaction is
     * forgotten (its next change reads the row). A transaction that writes one interaction twice (started, then changed
     * again before its row was flushed: both at version 0) leaves its last copy, as the row is committed.
     */
    public void rememberAtCommit(MediaInteractionRow row) {
        written().put(row.id, Committed.of(row));
    }

    private Map<String, Committed> written() {
        return AtTransactionEnd.gathered(transactions, WRITTEN, LinkedHashMap::new, (written, committed) -> written.forEach((interactionId, copy) -> {
            if (committed) {
                remember(interactionId, copy);
            } else {
                forget(interactionId);
            }
        }));
    }

    public void forget(String interactionId) {
        synchronized (byId) {
            byId.remove(interactionId);
        }
    }

    /**
     * Two changes of one interaction may finish in either order: the later version stays. A completed interaction is
     * forgotten: what follows (wrap-up, a late read) is rare enough to read its row.
     */
    private void remember(String interactionId, Committed copy) {
        synchronized (byId) {
            Committed known = byId.get(interactionId);
            if (copy.completedAt() != null) {
                byId.remove(interactionId);
            } else if (known == null || known.version() < copy.version()) {
                byId.put(interactionId, copy);
            }
        }
    }
}
