package io.opengws.voice.telephony;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.opengws.voice.call.Call;
import io.opengws.voice.call.CallView;
import io.opengws.voice.call.LegContext;
import io.opengws.voice.call.Party;

/**
 * One request's work on the calls of a contact center: the calls it read or started and, for a change, what
 * each party saw before, so that at the end every party is told exactly what changed for it. A change lives
 * within one transaction and holds the calls it read (see {@link CallStore}).
 */
public final class CallWork {

    private final String contactCenterId;
    private final Instant now;
    private final boolean freeSwitching;
    private final CallView.Links links;
    private final Function<String, Optional<Call>> loadById;
    private final Function<String, Optional<Call>> loadByLeg;
    /** Reads need no "before": only a change remembers what each party saw. */
    private final boolean change;
    /** The calls this change started from memory, not from their rows, and the versions it found them at: id → version. */
    private final Map<String, Long> fromMemory;
    private final Map<String, Call> calls = new LinkedHashMap<>();
    /** What each device's party saw when its call was read: legId → call view. */
    private final Map<String, Map<String, Object>> seen = new HashMap<>();
    /** The device legs that were live when their calls were read. */
    private final Set<String> liveWhenRead = new HashSet<>();
    /** The devices whose legs this change released: idle since now, for routing's longest-idle order. */
    private final Set<String> idleDevices = new LinkedHashSet<>();
    /** Waiting calls are offered within this change (it queued a call, or is a routing pass). */
    private boolean routeNow;
    /** Something routing depends on changed (a call queued, an agent free or Ready): a routing pass follows the commit. */
    private boolean routeAfterCommit;

    CallWork(String contactCenterId, Instant now, boolean freeSwitching, CallView.Links links,
            Function<String, Optional<Call>> loadById, Function<String, Optional<Call>> loadByLeg, boolean change, Map<String, Long> fromMemory) {
        this.contactCenterId = contactCenterId;
        this.now = now;
        this.freeSwitching = freeSwitching;
        this.links = links;
        this.loadById = loadById;
        this.loadByLeg = loadByLeg;
        this.change = change;
        this.fromMemory = fromMemory;
    }

    /** Whether this change started from a call in memory: it must then be written over the version it found. */
    public boolean startedFromMemory() {
        return !fromMemory.isEmpty();
    }

    /** The version at which the call was found in memory. */
    long versionFound(String callId) {
        return fromMemory.get(callId);
    }

    /** The party was live when its call was read, and is still. */
    boolean wasAlreadyLive(Party party) {
        return party.live() && liveWhenRead.contains(party.legId);
    }

    public String contactCenterId() {
        return contactCenterId;
    }

    public Instant now() {
        return now;
    }

    /**
     * A call entered (or went back to) the queue: it is offered within this change if someone is free, and a
     * routing pass follows the commit in case an agent became free beside it.
     */
    public void callQueued() {
        routeNow = true;
        routeAfterCommit = true;
    }

    /** An agent became free or Ready: a routing pass follows the commit; this change does not wait for routing. */
    public void agentAvailable() {
        routeAfterCommit = true;
    }

    /** The device's leg was released: it is idle from now, and a routing pass follows the commit. */
    public void deviceIdle(String deviceId) {
        idleDevices.add(deviceId);
        agentAvailable();
    }

    public Set<String> idleDevices() {
        return idleDevices;
    }

    /** A routing pass: waiting calls are offered within this change. */
    public void routeWaitingCalls() {
        routeNow = true;
    }

    public boolean routesNow() {
        return routeNow;
    }

    public boolean routesAfterCommit() {
        return routeAfterCommit;
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
        if (change) {
            for (Party party : call.parties) {
                if (party.deviceId != null) {
                    seen.put(party.legId, view(call, party));
                    if (party.live()) {
                        liveWhenRead.add(party.legId);
                    }
                }
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

    /** The call resource as {@code party} sees it now. */
    public Map<String, Object> view(Call call, Party party) {
        return CallView.of(context(call, party), links, now);
    }

    /** What the party saw when last told, or null for a party new in this work. */
    Map<String, Object> seen(Party party) {
        return seen.get(party.legId);
    }

    void told(Party party, Map<String, Object> view) {
        seen.put(party.legId, view);
    }

    /** The party was live when read (or joined in this work) and is released now. */
    public boolean releasedNow(Party party) {
        Map<String, Object> before = seen.get(party.legId);
        return !party.live() && (before == null || !"Released".equals(before.get("state")));
    }
}
