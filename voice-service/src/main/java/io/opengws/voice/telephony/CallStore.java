package io.opengws.voice.telephony;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.events.EventJson;
import io.opengws.common.wire.PublicOrigin;
import io.opengws.voice.call.Call;
import io.opengws.voice.call.CallView;
import io.opengws.voice.call.Party;
import io.opengws.voice.repository.CallRepository;
import io.opengws.voice.repository.CallRow;
import io.opengws.voice.repository.LegRepository;
import io.opengws.voice.repository.LegRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Reads calls into a {@link CallWork} and, when the work is done, tells every party what changed for it and
 * writes the calls back, in the same transaction: a call and its notifications are never out of step. A change
 * locks each call it reads (its row, until the transaction ends), so changes to one call follow one another and
 * each is told after the one before; changes to different calls run side by side.
 */
@ApplicationScoped
public class CallStore {

    /** Contact-center setting of decision 1. */
    public static final String FREE_MODE_SWITCHING = "supervisor.free-mode-switching";

    @Inject
    CallRepository calls;

    @Inject
    LegRepository legs;

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
        return new CallWork(contactCenterId, Instant.now(), freeSwitching(contactCenterId), links, this::lockAndLoad, this::lockAndLoadByLeg, true);
    }

    /** Reading calls, with nothing to tell anyone. */
    public CallWork read(String contactCenterId) {
        return new CallWork(contactCenterId, Instant.now(), freeSwitching(contactCenterId), links, this::load, this::loadByLeg, false);
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
        for (Call call : work.calls()) {
            writeCall(call, work.now());
            writeLegs(call.id, call.parties);
        }
    }

    /** Tells every party, then writes each call once, without its released parties; an ended call is deleted. */
    public void finish(CallWork work) {
        publish(work);
        for (Call call : work.calls()) {
            List<Party> parties = List.copyOf(call.parties);
            call.forgetReleased();
            if (call.parties.isEmpty()) {
                writeLegs(call.id, parties);
                calls.findByIdOptional(call.id).ifPresent(calls::delete);
            } else {
                // The call row first: a new leg refers to it.
                writeCall(call, work.now());
                writeLegs(call.id, parties);
            }
        }
    }

    private void writeCall(Call call, Instant now) {
        CallRow existing = calls.findById(call.id);
        CallRow row = existing != null ? existing : new CallRow();
        row.id = call.id;
        row.contactCenterId = call.contactCenterId;
        row.queuedAt = call.queuedAt;
        row.body = EventJson.write(call);
        row.updatedAt = now;
        if (existing == null) {
            calls.persist(row);
        }
    }

    /** The live-leg index: a row per live device leg, none for a released one. */
    private void writeLegs(String callId, List<Party> parties) {
        Map<String, LegRow> rows = legRows(parties);
        for (Party party : parties) {
            if (party.deviceId == null) {
                continue;
            }
            LegRow leg = rows.get(party.legId);
            if (!party.live()) {
                if (leg != null) {
                    legs.delete(leg);
                }
            } else if (leg == null) {
                leg = new LegRow();
                leg.id = party.legId;
                leg.callId = callId;
                leg.deviceId = party.deviceId;
                leg.state = party.state.name();
                legs.persist(leg);
            } else {
                leg.callId = callId;
                leg.state = party.state.name();
            }
        }
    }

    /** The leg rows of these parties that exist, read in one query (a query per leg was most of a change's reads). */
    private Map<String, LegRow> legRows(List<Party> parties) {
        List<String> ids = new ArrayList<>(parties.size());
        for (Party party : parties) {
            if (party.deviceId != null) {
                ids.add(party.legId);
            }
        }
        return legs.byIds(ids);
    }

    private static Call call(CallRow row) {
        return EventJson.read(row.body, Call.class);
    }

    private Optional<Call> load(String id) {
        return calls.byId(id).map(CallStore::call);
    }

    private Optional<Call> loadByLeg(String legId) {
        return calls.byLeg(legId).map(CallStore::call);
    }

    private Optional<Call> lockAndLoad(String id) {
        return calls.lockedById(id).map(CallStore::call);
    }

    /**
     * A leg moves to another call (a completed transfer or conference) in a change that holds both calls: once
     * the call is locked, it must still have the leg, or the leg is looked up again.
     */
    private Optional<Call> lockAndLoadByLeg(String legId) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Call> call = calls.lockedByLeg(legId).map(CallStore::call);
            if (call.isEmpty() || call.get().party(legId).isPresent()) {
                return call;
            }
        }
        return Optional.empty();
    }
}
