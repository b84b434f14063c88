package io.opengws.voice.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A call on the contact center's switch: its parties (each with its own leg and call resource), its user data
 * and, while it waits at the routing point, its place in the queue. The rules of how parties come and go live
 * here, in plain Java; which operations a party may ask for is {@link CallStateMachine}'s.
 */
@RegisterForReflection
public class Call {

    /** Also the {@code callUuid} every party's resource shows. */
    public String id;
    public String connId;
    public String contactCenterId;
    public String ani;
    public String dnis;
    public Map<String, Object> userData = new LinkedHashMap<>();
    public List<Party> parties = new ArrayList<>();
    /** While waiting at the routing point for an agent. */
    public Instant queuedAt;
    /** Came through the routing point: an agent that does not take it puts it back in the queue. */
    public boolean routed;
    public Instant createdAt;

    public boolean queued() {
        return queuedAt != null;
    }

    public Optional<Party> party(String legId) {
        return parties.stream().filter(party -> legId.equals(party.legId)).findFirst();
    }

    public List<Party> liveParties() {
        return parties.stream().filter(Party::live).toList();
    }

    public List<Party> livePrincipals() {
        return parties.stream().filter(party -> party.live() && party.role.principal()).toList();
    }

    public List<Party> liveSupervisors() {
        return parties.stream().filter(party -> party.live() && party.isSupervisor()).toList();
    }

    public boolean ended() {
        return parties.stream().noneMatch(Party::live);
    }

    public Party add(Party party) {
        parties.add(party);
        return party;
    }

    /** The party answers; a principal that was dialling this call is connected with it. */
    public void answer(Party party, Instant now) {
        establish(party, now);
        if (party.role.principal()) {
            for (Party caller : livePrincipals()) {
                if (caller.state == LegState.Dialing) {
                    establish(caller, now);
                }
            }
        }
    }

    public void establish(Party party, Instant now) {
        party.state = LegState.Established;
        if (party.establishedAt == null) {
            party.establishedAt = now;
        }
    }

    /**
     * The party hangs up. A routed call its agent declines while it rings goes back to its place in the queue
     * rather than ending; the answer says whether that happened.
     */
    public boolean hangUp(Party party) {
        boolean declined = party.state == LegState.Ringing && routed && livePrincipals().size() == 2;
        if (declined) {
            queuedAt = createdAt;
        }
        release(party);
        return declined;
    }

    /**
     * The party leaves. Supervisors of an agent that leaves go with it (scope Agent) or stay with the call and
     * watch the agent that remains (scope Call). A call with fewer than two principals ends for everyone,
     * unless it waits at the routing point with its customer.
     */
    public void release(Party party) {
        party.state = LegState.Released;
        if (party.role.principal()) {
            for (Party supervisor : liveSupervisors()) {
                if (supervisor.monitors(party.legId)) {
                    if (supervisor.supervision.scope == MonitoringScope.Agent) {
                        supervisor.state = LegState.Released;
                    } else {
                        nextAgentFor(supervisor);
                    }
                }
            }
        }
        int principals = livePrincipals().size();
        if (principals == 0 || (principals == 1 && !queued())) {
            liveParties().forEach(remaining -> remaining.state = LegState.Released);
            queuedAt = null;
        }
    }

    /** Scope Call: the supervisor now watches the live agent of the call, if there is one. */
    private void nextAgentFor(Party supervisor) {
        livePrincipals().stream().filter(other -> other.role == PartyRole.AGENT).findFirst()
                .ifPresent(agent -> supervisor.supervision.monitoredLegId = agent.legId);
    }

    /**
     * Completing a transfer: the parties the transferring agent consulted join the original call, the agent
     * leaves both. Supervisors of the transferring agent leave with it or follow the call (scope).
     */
    public static void completeTransfer(Call original, Party held, Call consult, Party consultLeg) {
        moveConsultedParties(original, consult, consultLeg);
        original.release(held);
        consult.release(consultLeg);
    }

    /** Completing a conference: the consulted parties join the original call, which the agent retrieves. */
    public static void completeConference(Call original, Party held, Call consult, Party consultLeg, Instant now) {
        moveConsultedParties(original, consult, consultLeg);
        consultLeg.consultOfLegId = null;
        consultLeg.consultKind = null;
        held.consultLegId = null;
        held.consultKind = null;
        original.establish(held, now);
        consult.release(consultLeg);
    }

    private static void moveConsultedParties(Call original, Call consult, Party consultLeg) {
        List<Party> moving = consult.liveParties().stream().filter(party -> party != consultLeg).toList();
        for (Party party : moving) {
            consult.parties.remove(party);
            original.parties.add(party);
            // Its own supervisors join it now that it is in the call it was consulted about.
            party.answered = false;
        }
        consult.queuedAt = null;
    }

    /** Removes released parties once every party has been told. */
    public void forgetReleased() {
        parties.removeIf(party -> !party.live());
    }
}
