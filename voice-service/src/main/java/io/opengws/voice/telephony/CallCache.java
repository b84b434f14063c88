package io.opengws.voice.telephony;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.opengws.common.work.AtTransactionEnd;
import io.opengws.voice.repository.CallTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The calls as this service last wrote them, found by their legs, so that an operation that changes only its own call
 * (Hold, Retrieve, mute, user data) starts from memory instead of reading and locking the row, and is written in one
 * statement over the version it started from ({@link CallTable#writeOverVersions}). When the row has moved on, nothing
 * is written and the operation is done again from the row ({@link StaleCall}). So a copy here may be old, never wrong.
 */
@ApplicationScoped
public class CallCache {

    /** How many calls are remembered, the least recently used forgotten first: a few KB each. */
    static final int CAPACITY = 10_000;

    /** A call's document as written, and the version it was written at. */
    public record Remembered(String body, long version) {
    }

    private record Entry(String body, long version, List<String> legIds) {
    }

    private final Map<String, String> callOfLeg = new HashMap<>();
    private final Map<String, Entry> byCall = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            if (size() <= CAPACITY) {
                return false;
            }
            eldest.getValue().legIds().forEach(legId -> callOfLeg.remove(legId, eldest.getKey()));
            return true;
        }
    };

    /** The transaction's calls to remember (or, null, to forget) when it commits. */
    private static final Object WRITTEN = CallCache.class.getName() + ".written";

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The call the live leg is on, as last written here. */
    public Optional<Remembered> ofLeg(String legId) {
        synchronized (byCall) {
            String callId = callOfLeg.get(legId);
            Entry entry = callId == null ? null : byCall.get(callId);
            return entry == null ? Optional.empty() : Optional.of(new Remembered(entry.body(), entry.version()));
        }
    }

    public boolean remembersLeg(String legId) {
        synchronized (byCall) {
            return callOfLeg.containsKey(legId);
        }
    }

    /**
     * The calls the current transaction wrote, at the versions they now have, are remembered once it commits (ended ones
     * forgotten); if it rolls back, they are forgotten, and their next change reads the row.
     */
    public void rememberAtCommit(CallTable.Change change, Map<String, Long> versions) {
        Map<String, Entry> written = written();
        for (CallTable.StoredCall call : change.calls()) {
            List<String> legIds = change.liveLegs().stream().filter(leg -> leg.callId().equals(call.id())).map(CallTable.StoredLeg::id).toList();
            Long version = versions.get(call.id());
            written.put(call.id(), version == null ? null : new Entry(call.body(), version, legIds));
        }
        change.endedCallIds().forEach(callId -> written.put(callId, null));
    }

    /** A call written outside any transaction (committed already), with the legs it has. */
    public void remember(CallTable.StoredCall call, long version, List<String> legIds) {
        remember(call.id(), new Entry(call.body(), version, legIds));
    }

    public void forget(String callId) {
        synchronized (byCall) {
            Entry gone = byCall.remove(callId);
            if (gone != null) {
                gone.legIds().forEach(legId -> callOfLeg.remove(legId, callId));
            }
        }
    }

    /** Two changes of one call may finish in either order: the later version stays. */
    private void remember(String callId, Entry entry) {
        synchronized (byCall) {
            Entry known = byCall.get(callId);
            if (known != null && known.version() >= entry.version()) {
                return;
            }
            forget(callId);
            byCall.put(callId, entry);
            entry.legIds().forEach(legId -> callOfLeg.put(legId, callId));
        }
    }

    private Map<String, Entry> written() {
        return AtTransactionEnd.gathered(transactions, WRITTEN, LinkedHashMap::new, (written, committed) -> written.forEach((callId, entry) -> {
            if (committed && entry != null) {
                remember(callId, entry);
            } else {
                forget(callId);
            }
        }));
    }
}
