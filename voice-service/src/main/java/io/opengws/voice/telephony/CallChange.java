package io.opengws.voice.telephony;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.opengws.common.events.EventJson;
import io.opengws.common.outbox.OutboxEvent;
import io.opengws.voice.call.Call;
import io.opengws.voice.call.Party;
import io.opengws.voice.repository.CallTable;

/**
 * What a change writes of its calls: each call as it is now, or its end, and the live-leg index that follows from
 * their parties (a row per live device leg, none for a released one). Nothing is read to decide it: a leg row is
 * inserted or updated, and a released one deleted whether or not it was there.
 */
final class CallChange {

    private final Instant now;
    private final Map<String, CallTable.StoredCall> calls = new LinkedHashMap<>();
    private final Set<String> ended = new LinkedHashSet<>();
    private final Map<String, CallTable.StoredLeg> live = new LinkedHashMap<>();
    private final Set<String> released = new LinkedHashSet<>();
    private final Set<String> idleDevices = new LinkedHashSet<>();

    CallChange(Instant now) {
        this.now = now;
    }

    /** The call is written as it is now; {@code parties} are those whose legs it indexes (released ones included). */
    void store(Call call, List<Party> parties) {
        calls.put(call.id, new CallTable.StoredCall(call.id, call.contactCenterId, call.queuedAt == null ? null : call.queuedAt.toString(),
                EventJson.write(call), now.toString()));
        index(call.id, parties);
    }

    /** The call ended: its row goes, and the legs of {@code parties} with it. */
    void end(Call call, List<Party> parties) {
        ended.add(call.id);
        index(call.id, parties);
    }

    /** The devices are idle from now (their legs were released): routing offers calls to the longest idle first. */
    void idle(Set<String> deviceIds) {
        idleDevices.addAll(deviceIds);
    }

    private void index(String callId, List<Party> parties) {
        for (Party party : parties) {
            if (party.deviceId == null) {
                continue;
            }
            if (party.live()) {
                live.put(party.legId, new CallTable.StoredLeg(party.legId, callId, party.deviceId, party.state.name()));
            } else {
                released.add(party.legId);
            }
        }
    }

    /** A leg released on one call and live on another (it moved, a completed transfer) is live: it is kept. */
    CallTable.Change toTable(List<OutboxEvent> events) {
        List<String> releasedNowhereLive = released.stream().filter(legId -> !live.containsKey(legId)).toList();
        return new CallTable.Change(List.copyOf(calls.values()), List.copyOf(ended), releasedNowhereLive, List.copyOf(live.values()),
                List.copyOf(idleDevices), now.toString(), events);
    }
}
