package io.opengws.voice.telephony;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.events.EventJson;
import io.opengws.common.outbox.Outbox;
import io.opengws.common.wire.PublicOrigin;
import io.opengws.common.work.GroupCommit;
import io.opengws.voice.call.Call;
import io.opengws.voice.call.CallView;
import io.opengws.voice.call.Party;
import io.opengws.voice.repository.CallTable;
import io.opengws.voice.repository.LegRepository;
import io.opengws.voice.repository.LegRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Reads calls into a {@link CallWork} and, when the work is done, tells every party what changed for it and
 * writes the calls back, in the same transaction: a call and its notifications are never out of step. A change
 * locks each call it reads (its row, until the transaction ends), so changes to one call follow one another and
 * each is told after the one before; changes to different calls run side by side. The calls and their notifications
 * are written together, in one statement ({@link CallTable}). A change of one call only may instead start from the call
 * in memory, without the lock, and is then written only over the version it found ({@link #beginFromMemory}).
 */
@ApplicationScoped
public class CallStore {

    /** Contact-center setting of decision 1. */
    public static final String FREE_MODE_SWITCHING = "supervisor.free-mode-switching";

    @Inject
    CallTable table;

    /**
     * The one-statement writes of concurrent call-only operations (hold, mute, user data…), one statement a batch: the
     * database spends about as much CPU around a statement as in it. A batch that fails as a whole is written again one
     * write at a time.
     */
    private final GroupCommit<CallTable.WriteOverVersion> writesOverVersion = new GroupCommit<>(write -> write.call().id(),
            writes -> table.writeOverVersions(writes));

    @Inject
    CallCache cache;

    @Inject
    LegRepository legs;

    @Inject
    Outbox outbox;

    @Inject
    CallNotifications notifications;

    @Inject
    DirectoryReplica directory;

    @Inject
    PublicOrigin origin;

    private final CallView.Links links = new CallView.Links() {
        @Override
        public String deviceUri(String deviceId) {
            return origin.uri("/devices/" + deviceId);
        }

        @Override
        public String callUri(String legId) {
            return origin.uri("/me/calls/" + legId);
        }
    };

    /** A change: every call it reads is locked, and what every party saw is remembered, to tell it what changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CallWork begin(String contactCenterId) {
        return new CallWork(contactCenterId, Instant.now(), freeSwitching(contactCenterId), links, this::lockAndLoad, this::lockAndLoadByLeg, true,
                Map.of());
    }

    /**
     * A change of one call only ({@link io.opengws.voice.call.CallOperation#changesOnlyItsCall}), started from the call
     * as this service last wrote it, without reading or locking its row: {@link #finish} writes it in one statement over
     * the version it was found at, or, if it cannot, throws {@link StaleCall} having written nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CallWork beginFromMemory(String contactCenterId) {
        Map<String, Long> found = new HashMap<>();
        Function<String, Optional<Call>> fromMemory = legId -> {
            if (!found.isEmpty()) {
                throw new StaleCall("The change of a call found in memory needs another call (" + legId + ")");
            }
            CallCache.Remembered remembered = cache.ofLeg(legId).orElseThrow(() -> new StaleCall("The leg " + legId + " is not in memory"));
            Call call = call(remembered.body());
            if (call.party(legId).isEmpty()) {
                throw new StaleCall("The call in memory no longer has the leg " + legId);
            }
            found.put(call.id, remembered.version());
            return Optional.of(call);
        };
        Function<String, Optional<Call>> noOtherCall = id -> {
            throw new StaleCall("The change of a call found in memory needs another call (" + id + ")");
        };
        return new CallWork(contactCenterId, Instant.now(), freeSwitching(contactCenterId), links, noOtherCall, fromMemory, true, found);
    }

    /** Whether a change of the leg's call may start from memory ({@link #beginFromMemory}). */
    public boolean remembers(String legId) {
        return cache.remembersLeg(legId);
    }

    /** Reading calls, with nothing to tell anyone. */
    public CallWork read(String contactCenterId) {
        return new CallWork(contactCenterId, Instant.now(), freeSwitching(contactCenterId), links, this::load, this::loadByLeg, false, Map.of());
    }

    private boolean freeSwitching(String contactCenterId) {
        return directory.setting(contactCenterId, FREE_MODE_SWITCHING).map(Boolean::parseBoolean).orElse(false);
    }

    /** The live legs of these devices, for GET /api/v2/me/calls. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LegRow> legsOf(List<String> deviceIds) {
        return legs.ofDevices(deviceIds);
    }

    /** Every party is told what changed for it since it was read; what it saw is now the current state. */
    public void publish(CallWork work) {
        for (Call call : work.calls()) {
            for (Party party : call.parties) {
                if (party.deviceId == null) {
                    continue;
                }
                Map<String, Object> now = work.view(call, party);
                Optional<String> type = CallView.notificationType(work.seen(party), now);
                if (type.isPresent()) {
                    notifications.callChanged(call.contactCenterId, party.userId, party.phoneNumber, type.get(), now);
                }
                work.told(party, now);
            }
        }
    }

    /** Writes every call of the work as it is now, so that queries (who is free, the queue) see it. */
    public void flush(CallWork work) {
        CallChange change = new CallChange(work.now());
        for (Call call : work.calls()) {
            change.store(call, call.parties);
        }
        change.idle(work.idleDevices());
        table.write(change.toTable(List.of()));
    }

    /**
     * Tells every party, then writes each call once, without its released parties (an ended call is deleted), with the
     * change's events, in one statement.
     */
    public void finish(CallWork work) {
        if (work.startedFromMemory()) {
            finishInOneStatement(work);
            return;
        }
        publish(work);
        CallChange change = new CallChange(work.now());
        for (Call call : work.calls()) {
            List<Party> parties = List.copyOf(call.parties);
            call.forgetReleased();
            if (call.parties.isEmpty()) {
                change.end(call, parties);
            } else {
                change.store(call, parties);
            }
        }
        change.idle(work.idleDevices());
        CallTable.Change written = change.toTable(outbox.takePending());
        cache.rememberAtCommit(written, table.write(written));
    }

    /**
     * The one call of a change that started from memory, with its parties' notifications, in one statement on a
     * connection of its own, outside the change's transaction (which then has nothing to commit): written only over the
     * version the call was found at. No one may have joined or left it (its legs are only updated); a change that
     * turned out otherwise, or a row that has moved on, ends in {@link StaleCall} with nothing written. The statement is
     * shared with the like writes of other requests made meanwhile ({@link #writesOverVersion}).
     */
    private void finishInOneStatement(CallWork work) {
        Collection<Call> calls = work.calls();
        Call call = calls.iterator().next();
        boolean sameParties = call.parties.stream().allMatch(party -> party.deviceId == null ? party.live() : work.wasAlreadyLive(party));
        if (calls.size() != 1 || !sameParties || work.routesNow() || work.routesAfterCommit()) {
            throw new StaleCall("The change of call " + call.id + " found in memory changed more than that call");
        }
        publish(work);
        CallChange change = new CallChange(work.now());
        change.store(call, call.parties);
        CallTable.Change written = change.toTable(outbox.takePending());
        CallTable.StoredCall stored = written.calls().get(0);
        List<CallTable.StoredLeg> legs = written.liveLegs();
        long found = work.versionFound(call.id);
        boolean made = QuarkusTransaction.suspendingExisting()
                .call(() -> writesOverVersion.write(new CallTable.WriteOverVersion(stored, found, legs, written.events())));
        if (!made) {
            cache.forget(call.id);
            throw new StaleCall("The call " + call.id + " has changed since it was remembered");
        }
        cache.remember(stored, found + 1, legs.stream().map(CallTable.StoredLeg::id).toList());
    }

    private static Call call(String body) {
        return EventJson.read(body, Call.class);
    }

    private Optional<Call> load(String id) {
        return table.byId(id, false).map(CallStore::call);
    }

    private Optional<Call> loadByLeg(String legId) {
        return table.byLeg(legId, false).map(CallStore::call);
    }

    private Optional<Call> lockAndLoad(String id) {
        return table.byId(id, true).map(CallStore::call);
    }

    /**
     * A leg moves to another call (a completed transfer or conference) in a change that holds both calls: once
     * the call is locked, it must still have the leg, or the leg is looked up again.
     */
    private Optional<Call> lockAndLoadByLeg(String legId) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Call> call = table.byLeg(legId, true).map(CallStore::call);
            if (call.isEmpty() || call.get().party(legId).isPresent()) {
                return call;
            }
        }
        return Optional.empty();
    }
}
