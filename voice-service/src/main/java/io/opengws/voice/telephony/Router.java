package io.opengws.voice.telephony;

import java.util.List;

import io.opengws.voice.call.Call;
import io.opengws.voice.call.CallType;
import io.opengws.voice.call.LegState;
import io.opengws.voice.call.Party;
import io.opengws.voice.call.PartyRole;
import io.opengws.voice.device.Device;
import io.opengws.voice.device.DeviceRepository;
import io.opengws.voice.repository.CallRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The routing point (CONTRACT.md section 4): a call waits in the queue, first come first served, until an agent
 * is Ready on voice, not on Do Not Disturb and on no call; the one idle the longest gets it, ringing. Routing is
 * the one part of a change that needs the whole contact center at once (who is free, what waits): it runs under
 * the contact center's lock, one routing at a time. It runs within a change that queued a call (the call rings at
 * once if someone is free) and in a routing pass after a change that freed an agent ({@link RoutingPasses}).
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

    @Inject
    ContactCenterLock lock;

    /** Puts a call in the queue; {@link #offerWaitingCalls} offers it if someone is free. */
    public void enqueue(CallWork work, Call call) {
        call.queuedAt = work.now();
        call.routed = true;
        work.callQueued();
    }

    /**
     * Offers waiting calls to free agents, as long as there are both. The lock comes first: what this routing
     * reads next includes what the routing before it committed. A call this change holds is never waiting in
     * the committed queue another routing reads, so holding calls while waiting for the lock cannot deadlock.
     */
    public void offerWaitingCalls(CallWork work) {
        if (!work.routesNow()) {
            return;
        }
        lock.acquire(work.contactCenterId());
        store.flush(work);
        List<String> queue = calls.queuedIds(work.contactCenterId());
        if (queue.isEmpty()) {
            return;
        }
        java.util.Iterator<String> free = freeAgents(work.contactCenterId()).iterator();
        for (String waiting : queue) {
            if (!free.hasNext()) {
                return;
            }
            // Locked and read again: a change beside this one may have answered or ended it since.
            work.call(waiting).filter(Call::queued).ifPresent(call -> offer(work, call, devices.findById(free.next())));
        }
    }

    private void offer(CallWork work, Call call, Device device) {
        boolean fromOutside = call.livePrincipals().stream().anyMatch(party -> party.role == PartyRole.CUSTOMER);
        call.add(Party.of(CallIds.newId(), PartyRole.AGENT, device.id, device.userId, device.phoneNumber, LegState.Ringing,
                fromOutside ? CallType.Inbound : CallType.Internal, work.now()));
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
