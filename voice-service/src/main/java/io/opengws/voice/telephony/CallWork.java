package io.opengws.voice.telephony;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.opengws.voice.call.Call;
import io.opengws.voice.call.LegContext;
import io.opengws.voice.call.Party;

/**
 * One request's work on the calls of a contact center: the calls it read or started, and what each party saw
 * before, so that at the end every party is told exactly what changed for it. Lives within one transaction,
 * under the contact center's lock ({@link ContactCenterLock}).
 */
public final class CallWork {

    private final String contactCenterId;
    private final Instant now;
    private final boolean freeSwitching;
    private final Function<String, Optional<Call>> loadByLeg;
    private final Function<String, Optional<Call>> loadById;
    private final Map<String, Call> calls = new LinkedHashMap<>();
    /** What each device's party saw when its call was read: legId → call view. */
    final Map<String, Map<String, Object>> seen = new HashMap<>();
    private ViewSource views;
    /** Something that routing depends on changed: a call entered the queue, an agent became free or Ready. */
    private boolean routingNeeded;

    /** How a view is made, set by the store; views need the partner calls this work loads. */
    interface ViewSource {
        Map<String, Object> view(CallWork work, Call call, Party party);
    }

    CallWork(String contactCenterId, Instant now, boolean freeSwitching, Function<String, Optional<Call>> loadById,
            Function<String, Optional<Call>> loadByLeg, ViewSource views) {
        this.contactCenterId = contactCenterId;
        this.now = now;
        this.freeSwitching = freeSwitching;
        this.loadById = loadById;
        this.loadByLeg = loadByLeg;
        this.views = views;
    }

    public String contactCenterId() {
        return contactCenterId;
    }

    public Instant now() {
        return now;
    }

    public void routingNeeded() {
        routingNeeded = true;
    }

    public boolean isRoutingNeeded() {
        return routingNeeded;
    }

    public Collection<Call> calls() {
        return new ArrayList<>(calls.values());
    }

    public Optional<Call> call(String id) {
        Call known = calls.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        return loadById.apply(id).filter(call -> call.contactCenterId.equals(contactCenterId)).map(this::track);
    }

    public Optional<Call> callOfLeg(String legId) {
        for (Call call : calls.values()) {
            if (call.party(legId).isPresent()) {
                return Optional.of(call);
            }
        }
        return loadByLeg.apply(legId).filter(call -> call.contactCenterId.equals(contactCenterId))
                .map(call -> calls.containsKey(call.id) ? calls.get(call.id) : track(call));
    }

    /** A call that starts in this work: its parties have seen nothing yet. */
    public Call start(Call call) {
        calls.put(call.id, call);
        return call;
    }

    private Call track(Call call) {
        calls.put(call.id, call);
        for (Party party : call.parties) {
            if (party.deviceId != null) {
                seen.put(party.legId, views.view(this, call, party));
            }
        }
        return call;
    }

    /** The party with what its capabilities depend on: the other leg of its consultation, the switching rule. */
    public LegContext context(Call call, Party party) {
        Optional<String> partnerLegId = party.partnerLegId();
        Optional<Call> partnerCall = partnerLegId.flatMap(this::callOfLeg);
        Optional<Party> partner = partnerCall.flatMap(other -> other.party(partnerLegId.get()));
        return new LegContext(call, party, partner, partnerCall, freeSwitching);
    }

    /** The party was live when read (or joined in this work) and is released now. */
    public boolean releasedNow(Party party) {
        Map<String, Object> before = seen.get(party.legId);
        return !party.live() && (before == null || !"Released".equals(before.get("state")));
    }
}
