package io.opengws.voice.telephony;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.opengws.voice.call.Call;
import io.opengws.voice.call.CallType;
import io.opengws.voice.call.LegState;
import io.opengws.voice.call.Party;
import io.opengws.voice.call.PartyRole;
import io.opengws.voice.device.Device;
import io.opengws.voice.device.DeviceRepository;
import io.opengws.voice.repository.CallRepository;
import io.opengws.voice.repository.CallRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The routing point (CONTRACT.md section 4): a call waits in the queue, first come first served, until an agent
 * is Ready on voice, not on Do Not Disturb and on no call; the one idle the longest gets it, ringing.
 */
@ApplicationScoped
public class Router {

    @Inject
    CallStore store;

    @Inject
    CallRepository calls;

    @Inject
    DeviceRepository devices;

    @Inject
    EntityManager entityManager;

    /** Puts a call in the queue; {@link #offerWaitingCalls} offers it if someone is free. */
    public void enqueue(CallWork work, Call call) {
        call.queuedAt = work.now();
        call.routed = true;
        work.routingNeeded();
    }

    /** Offers waiting calls to free agents, as long as there are both. Runs under the contact center's lock. */
    public void offerWaitingCalls(CallWork work) {
        if (!work.isRoutingNeeded()) {
            return;
        }
        store.flush(work);
        List<CallRow> queue = calls.queue(work.contactCenterId());
        if (queue.isEmpty()) {
            return;
        }
        List<String> free = new ArrayList<>(freeAgents(work.contactCenterId()));
        Set<String> offered = new HashSet<>();
        for (CallRow waiting : queue) {
            Optional<Call> call = work.call(waiting.id).filter(Call::queued);
            Optional<String> agent = free.stream().filter(id -> !offered.contains(id)).findFirst();
            if (call.isEmpty()) {
                continue;
            }
            if (agent.isEmpty()) {
                return;
            }
            offered.add(agent.get());
            offer(work, call.get(), devices.findById(agent.get()));
        }
    }

    private void offer(CallWork work, Call call, Device device) {
        boolean fromOutside = call.livePrincipals().stream().anyMatch(party -> party.role == PartyRole.CUSTOMER);
        Party agent = new Party();
        agent.legId = CallIds.newId();
        agent.role = PartyRole.AGENT;
        agent.deviceId = device.id;
        agent.userId = device.userId;
        agent.phoneNumber = device.phoneNumber;
        agent.state = LegState.Ringing;
        agent.callType = fromOutside ? CallType.Inbound : CallType.Internal;
        agent.createdAt = work.now();
        call.add(agent);
        call.queuedAt = null;
    }

    /** Ready, active on voice, not on Do Not Disturb, on no call; idle the longest first. */
    @SuppressWarnings("unchecked")
    private List<String> freeAgents(String contactCenterId) {
        return entityManager.createNativeQuery("""
                SELECT d.id FROM device d
                 WHERE d.contact_center_id = :cc AND d.voice_active AND d.user_state = 'Ready' AND NOT d.do_not_disturb
                   AND d.user_id IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM voice_leg l WHERE l.device_id = d.id)
                 ORDER BY d.idle_since NULLS FIRST, d.id""")
                .setParameter("cc", contactCenterId)
                .getResultList();
    }
}
