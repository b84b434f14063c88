package io.opengws.common.multimedia;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.interaction.Interaction;
import io.opengws.common.interaction.InteractionState;
import io.opengws.common.interaction.Participant;
import io.opengws.common.work.CoalescingWorker;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Offers waiting interactions to free agents (CONTRACT section 4): the longest waiting first, to the longest-idle
 * agent who is Ready on the channel and has room for one more. It runs in a transaction of its own right after a
 * change that calls for it commits (a new interaction, an agent Ready, one leaving), under the contact center's
 * routing lock, so that two routings never count the same free capacity; every few seconds it also sweeps what a
 * crash may have left waiting, and takes back offers not answered within {@code <channel>.offer-timeout-seconds}
 * (contact-center setting, default 30). Lock order is always routing, then interaction: a change never waits for routing.
 */
@IfBuildProperty(name = "gws.multimedia.enabled", stringValue = "true")
@ApplicationScoped
public class InteractionRouter {

    /** Fired within a change that calls for routing in its contact center. */
    public record RoutingNeeded(String contactCenterId) {
    }

    private static final int DEFAULT_CAPACITY = 3;
    private static final int DEFAULT_OFFER_TIMEOUT_SECONDS = 30;

    @Inject
    InteractionDesk desk;

    @Inject
    InteractionRepository interactions;

    @Inject
    MediaAgentRepository agents;

    @Inject
    MediaChannel channel;

    @Inject
    MediaNotifications notifications;

    @Inject
    MediaMonitoringRepository subscriptions;

    @Inject
    DirectoryReplica directory;

    @Inject
    EntityManager entityManager;

    private final CoalescingWorker<String> worker = new CoalescingWorker<>("gws-interaction-router",
            contactCenterId -> QuarkusTransaction.requiringNew().run(() -> route(contactCenterId)));

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoutingNeeded needed) {
        routeSoon(needed.contactCenterId());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.shutdown();
    }

    // Not once the service stops: the timer may still fire after its database access has closed.
    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        QuarkusTransaction.requiringNew().call(() -> interactions.contactCentersWithWaiting()).forEach(this::routeSoon);
    }

    public void routeSoon(String contactCenterId) {
        worker.request(contactCenterId);
    }

    private void route(String contactCenterId) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", channel.name() + ":routing:" + contactCenterId).getSingleResult();
        int capacity = directory.setting(contactCenterId, channel.capacitySetting()).flatMap(InteractionRouter::integer).orElse(DEFAULT_CAPACITY);
        Duration offerTimeout = Duration.ofSeconds(directory.setting(contactCenterId, channel.offerTimeoutSetting())
                .flatMap(InteractionRouter::integer).orElse(DEFAULT_OFFER_TIMEOUT_SECONDS));
        desk.change(contactCenterId, work -> {
            for (String id : interactions.waiting(contactCenterId)) {
                Interaction interaction = work.interaction(id).orElse(null);
                if (interaction == null || interaction.isCompleted() || !interaction.isWaitingForAgent()) {
                    continue;
                }
                Optional<Participant> offer = pendingOffer(interaction);
                if (offer.isPresent() && offer.get().joinedAt.plus(offerTimeout).isAfter(work.now())) {
                    continue;
                }
                offer.ifPresent(unanswered -> withdraw(work, interaction, unanswered));
                // An agent who declined is not offered it again; one whose offer timed out may be, once Ready again.
                List<String> hadIt = interaction.participants.stream().filter(participant -> participant.isAgent() && participant.state != InteractionState.Revoked)
                        .map(participant -> participant.userId).toList();
                Optional<MediaAgent> agent = interactions.freeAgent(contactCenterId, capacity, hadIt).flatMap(agents::findByIdOptional);
                if (agent.isEmpty()) {
                    break;
                }
                String nickname = directory.user(agent.get().userId).map(InteractionDesk::nickname).orElse(agent.get().userId);
                interaction.offer(agent.get().userId, nickname, work.now());
                agent.get().idleSince = work.now();
                // Written at once: the next offer counts this one against the agent's capacity.
                desk.save(work);
            }
            return null;
        });
    }

    private static Optional<Participant> pendingOffer(Interaction interaction) {
        return interaction.participants.stream().filter(participant -> participant.isAgent() && participant.state == InteractionState.Invited)
                .findFirst();
    }

    /**
     * An offer nobody answered in time is taken back (the agent sees it Revoked) and the agent is made NotReady, as
     * a desk that does not answer is not there; the interaction goes to the next free agent.
     */
    private void withdraw(InteractionWork work, Interaction interaction, Participant unanswered) {
        interaction.withdrawOffer(unanswered);
        agents.findByIdOptional(unanswered.userId).filter(agent -> agent.ready).ifPresent(agent -> {
            agent.ready = false;
            notifications.channelState(work.contactCenterId(), agent.userId, false, subscriptions.bySupervisor(agent.userId),
                    work.publicOrigin(), false);
        });
        Log.infof("The %s %s offered to user %s was not answered in time; offered again", channel.name(), interaction.id, unanswered.userId);
    }

    private static Optional<Integer> integer(String value) {
        try {
            return Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
