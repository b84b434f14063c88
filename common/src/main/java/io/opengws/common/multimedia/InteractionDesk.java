package io.opengws.common.multimedia;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.hibernate.Session;
import org.hibernate.engine.spi.EntityKey;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.events.EventJson;
import io.opengws.common.events.UserRecord;
import io.opengws.common.identity.Caller;
import io.opengws.common.identity.RandomIds;
import io.opengws.common.interaction.Interaction;
import io.opengws.common.interaction.InteractionNotifications;
import io.opengws.common.interaction.InteractionOperation;
import io.opengws.common.interaction.InteractionView;
import io.opengws.common.interaction.Participant;
import io.opengws.common.interaction.VisibilityPolicy;
import io.opengws.common.outbox.Outbox;
import io.opengws.common.outbox.OutboxEvent;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.OperationRequest;
import io.opengws.common.wire.PublicOrigin;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Every change to the interactions of a channel goes through {@link #change}: the change itself (each interaction
 * under its own lock), then supervisors join what their agents accepted and every participant is told what changed
 * for it, in the same transaction; waiting interactions are offered to free agents right after, by
 * {@link InteractionRouter}. The rules are the engine's ({@code io.opengws.common.interaction}); this class loads,
 * saves and notifies.
 */
@IfBuildProperty(name = "gws.multimedia.enabled", stringValue = "true")
@ApplicationScoped
public class InteractionDesk {

    @Inject
    MediaChannel channel;

    @Inject
    InteractionRepository interactions;

    @Inject
    TranscriptRepository transcripts;

    @Inject
    GroupedInteractionWrites groupedWrites;

    @Inject
    InteractionCache cache;

    @Inject
    MediaMonitoringControl monitoring;

    @Inject
    MediaNotifications notifications;

    @Inject
    Outbox outbox;

    @Inject
    DirectoryReplica directory;

    @Inject
    PublicOrigin origin;

    @Inject
    EntityManager entityManager;

    @Inject
    Instance<CustomerDelivery> customerDelivery;

    @Inject
    Event<InteractionRouter.RoutingNeeded> routingNeeded;

    /** The number an operation's response carries and its notifications echo (reference 3.4 {@code referenceId}). */
    private final AtomicInteger references = new AtomicInteger();

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T change(String contactCenterId, Function<InteractionWork, T> change) {
        return change(contactCenterId, change, this::lockAndLoad);
    }

    /**
     * A change that starts from the interactions as this service last committed them, where it remembers them, without
     * reading or locking their rows; it fails with {@link StaleInteraction}, having written nothing, if one of them has
     * moved on since (its transaction is then to be rolled back, and the change done again with {@link #change}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    <T> T changeFromMemory(String contactCenterId, Function<InteractionWork, T> change) {
        return change(contactCenterId, change, this::rememberedOrLocked);
    }

    private <T> T change(String contactCenterId, Function<InteractionWork, T> change, Function<String, Optional<InteractionWork.Loaded>> loader) {
        InteractionWork work = new InteractionWork(contactCenterId, Instant.now(), origin.origin(), loader);
        T result = change.apply(work);
        settle(work);
        return result;
    }

    /**
     * What follows from a change, in its transaction: supervisors join what their agents accepted, monitoring that
     * ended is closed, everyone is told, everything is written. Routing, when the change calls for it, runs right
     * after the commit ({@link InteractionRouter}), so that a change locks only its own interaction.
     */
    void settle(InteractionWork work) {
        monitoring.joinSupervisors(work);
        monitoring.afterChange(work);
        tell(work);
        save(work);
        if (work.isRoutingNeeded()) {
            routingNeeded.fire(new InteractionRouter.RoutingNeeded(work.contactCenterId()));
        }
    }

    /**
     * Changes to one interaction are serialised by a lock on its row, held to the end of the transaction (safe across
     * replicas); different interactions change in parallel. One {@code SELECT ... FOR UPDATE} locks and reads it (an
     * agent's operation). A row the transaction had loaded before (a customer's chat looked up by its customer id) is
     * read again with the lock: a locking find would keep its state as it was loaded, older than what the last change
     * committed.
     */
    private Optional<InteractionWork.Loaded> lockAndLoad(String interactionId) {
        if (alreadyLoaded(interactionId)) {
            MediaInteractionRow row = entityManager.find(MediaInteractionRow.class, interactionId);
            entityManager.refresh(row, LockModeType.PESSIMISTIC_WRITE);
            return Optional.of(new InteractionWork.Loaded(row, InteractionWork.Origin.LOCKED));
        }
        return Optional.ofNullable(entityManager.find(MediaInteractionRow.class, interactionId, LockModeType.PESSIMISTIC_WRITE))
                .map(row -> new InteractionWork.Loaded(row, InteractionWork.Origin.LOCKED));
    }

    private Optional<InteractionWork.Loaded> rememberedOrLocked(String interactionId) {
        return cache.committed(interactionId).map(row -> new InteractionWork.Loaded(row, InteractionWork.Origin.REMEMBERED))
                .or(() -> lockAndLoad(interactionId));
    }

    private boolean alreadyLoaded(String interactionId) {
        for (Object key : entityManager.unwrap(Session.class).getStatistics().getEntityKeys()) {
            EntityKey entity = (EntityKey) key;
            if (interactionId.equals(entity.getIdentifier()) && entity.getEntityName().equals(MediaInteractionRow.class.getName())) {
                return true;
            }
        }
        return false;
    }

    public static String newInteractionId() {
        return RandomIds.upperHex(8);
    }

    // ---- POST /api/v2/me/{chats|smssessions}/{id} ---------------------------------------------------------

    /**
     * An agent's or supervisor's operation on its interaction, in a transaction of its own; answers the
     * {@code referenceId}. It starts from the interaction as this service last committed it (a message is then one
     * round trip to the database); if the row has moved on since, or the operation is refused, the transaction is
     * rolled back and the operation done again from the row, locked.
     */
    public int operate(Caller caller, String interactionId, String operationName, OperationRequest request) {
        InteractionOperation operation = InteractionOperation.of(operationName).orElseThrow(() -> GwsException.invalidParameter(
                "The operationName '" + GwsException.echo(operationName) + "' is not a " + channel.name() + " operation."));
        int referenceId = references.incrementAndGet();
        try {
            QuarkusTransaction.disallowingExisting().run(() -> changeFromMemory(caller.contactCenterId(),
                    work -> operate(work, caller, interactionId, operation, request, referenceId)));
        } catch (StaleInteraction | GwsException decidedFromMemory) {
            // The remembered copy had moved on, or the operation was refused on it: a copy may be older than the row (an
            // offer committed by routing a moment ago), and an answer that it is not allowed must come from the row.
            QuarkusTransaction.disallowingExisting().run(() -> change(caller.contactCenterId(),
                    work -> operate(work, caller, interactionId, operation, request, referenceId)));
        }
        return referenceId;
    }

    private Void operate(InteractionWork work, Caller caller, String interactionId, InteractionOperation operation, OperationRequest request,
            int referenceId) {
        Interaction interaction = work.interaction(interactionId).orElseThrow(() -> unknown(interactionId));
        Participant actor = interaction.participantOfUser(caller.userId()).orElseThrow(() -> unknown(interactionId));
        work.actor(actor, referenceId);
        if (operation.onlyWrites()) {
            work.allowOneStatement();
        }
        perform(work, interaction, actor, operation, request);
        return null;
    }

    private void perform(InteractionWork work, Interaction interaction, Participant actor, InteractionOperation operation,
            OperationRequest request) {
        Instant now = work.now();
        Optional<String> text = request.optionalString("text");
        switch (operation) {
            case Accept -> interaction.accept(actor, request.optionalString("nickname").orElse(null), now);
            case Reject -> {
                interaction.reject(actor, now);
                work.routingNeeded();
            }
            case Leave -> {
                interaction.leave(actor, text.orElse(null), now);
                work.routingNeeded();
            }
            case Complete, LeaveAndComplete -> {
                Optional<String> queue = request.optionalString("queueName");
                if (queue.isPresent()) {
                    interaction.transferToQueue(actor, text.orElse(null), now);
                } else {
                    interaction.complete(actor, operation, text.orElse(null), now);
                }
                work.routingNeeded();
            }
            case SetInFocus -> interaction.setInFocus(actor);
            case SetDisposition -> interaction.setDisposition(actor, request.requiredString("disposition"),
                    request.optionalString("dispositionKey").orElse(null));
            case AttachUserData -> interaction.attachUserData(actor, userData(request));
            case UpdateUserData -> interaction.updateUserData(actor, userData(request));
            // The keys to delete, as a list or as the keys of a userData object (clients send either).
            case DeleteUserData -> interaction.deleteUserData(actor, request.optionalStringList("keys")
                    .orElseGet(() -> List.copyOf(request.optionalUserData("userData").orElse(Map.of()).keySet())));
            case AddComment -> interaction.addComment(actor, request.requiredString("comment"));
            case Transfer -> transfer(work, interaction, actor, request);
            case Invite -> {
                UserRecord target = targetAgent(work, request);
                interaction.invite(actor, target.id(), nickname(target), now);
            }
            case Consult -> {
                UserRecord target = targetAgent(work, request);
                interaction.consult(actor, target.id(), nickname(target), now);
            }
            case RemoveParticipantFromConference -> {
                UserRecord target = targetAgent(work, request);
                Participant removed = interaction.participantOfUser(target.id()).orElseThrow(() -> GwsException.notFound(
                        "User " + target.userName() + " is not a participant of " + interaction.id + "."));
                interaction.removeFromConference(actor, removed, now);
            }
            case SendMessage, SendToAgents -> interaction.write(actor, operation, request.requiredString("text"), now);
            case SendStartTypingNotification, SendStopTypingNotification, SendStartTypingToAgentsNotification,
                    SendStopTypingToAgentsNotification -> interaction.write(actor, operation, text.orElse(null), now);
            case SendUrl -> interaction.write(actor, operation, request.requiredString("url"), now);
            case SendNicknameUpdatedNotice -> interaction.write(actor, operation, request.requiredString("noticeText"), now);
            case SwitchToMonitor, SwitchToCoach, SwitchToBargeIn -> monitoring.switchMode(work, interaction, actor, operation);
        }
    }

    private void transfer(InteractionWork work, Interaction interaction, Participant actor, OperationRequest request) {
        Optional<String> farewell = request.optionalString("text");
        if (request.has("targetUri") || request.has("targetPath")) {
            UserRecord target = targetAgent(work, request);
            interaction.transferToAgent(actor, target.id(), nickname(target), farewell.orElse(null), work.now());
        } else if (request.has("queueName")) {
            interaction.transferToQueue(actor, farewell.orElse(null), work.now());
        } else {
            throw GwsException.missingParameter("targetUri");
        }
        work.routingNeeded();
    }

    /** {@code targetUri} ({@code .../api/v2/users/{id}}) or {@code targetPath}: an agent of the same contact center. */
    private UserRecord targetAgent(InteractionWork work, OperationRequest request) {
        String target = request.optionalString("targetUri").or(() -> request.optionalString("targetPath"))
                .orElseThrow(() -> GwsException.missingParameter("targetUri"));
        String userId = target.substring(target.lastIndexOf('/') + 1);
        return directory.user(userId).filter(user -> user.contactCenterId().equals(work.contactCenterId()))
                .orElseThrow(() -> GwsException.notFound("There is no user at '" + GwsException.echo(target) + "'."));
    }

    private static Map<String, Object> userData(OperationRequest request) {
        return request.optionalUserData("userData").orElseThrow(() -> GwsException.missingParameter("userData"));
    }

    // ---- reading --------------------------------------------------------------------------------------------

    /** The caller's interactions (offered, in progress, wrapping up), as it sees them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Map<String, Object>> interactionsOf(Caller caller) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (MediaParticipation participation : interactions.participationsOf(caller.userId())) {
            interactions.findByIdOptional(participation.interactionId).ifPresent(row -> {
                Interaction interaction = EventJson.read(row.body, Interaction.class);
                interaction.participant(participation.participantId)
                        .ifPresent(participant -> views.add(InteractionView.resource(interaction, participant, origin.origin())));
            });
        }
        return views;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Object> interactionOf(Caller caller, String interactionId) {
        Interaction interaction = interactions.findByIdOptional(interactionId)
                .filter(row -> row.contactCenterId.equals(caller.contactCenterId()))
                .map(row -> EventJson.read(row.body, Interaction.class))
                .orElseThrow(() -> unknown(interactionId));
        Participant participant = interaction.participantOfUser(caller.userId()).orElseThrow(() -> unknown(interactionId));
        return InteractionView.resource(interaction, participant, origin.origin());
    }

    /**
     * The transcript as the caller reads it (what its visibility lets it see), entries {@code startIndex} (1-based)
     * on, at most {@code count} of them: {@code GET /api/v2/me/smssessions/{id}/messages} (reference 4.1).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Map<String, Object>> transcriptOf(Caller caller, String interactionId, int startIndex, int count) {
        Interaction interaction = interactions.findByIdOptional(interactionId)
                .filter(row -> row.contactCenterId.equals(caller.contactCenterId()))
                .map(row -> EventJson.read(row.body, Interaction.class))
                .orElseThrow(() -> unknown(interactionId));
        Participant participant = interaction.participantOfUser(caller.userId()).orElseThrow(() -> unknown(interactionId));
        transcripts.withWholeTranscript(interaction);
        List<VisibilityPolicy.SeenEntry> seen = VisibilityPolicy.transcriptFor(interaction, participant.audience()).stream()
                .filter(entry -> entry.index() >= startIndex).limit(count).toList();
        return InteractionView.messages(seen, origin.origin());
    }

    public String channelName() {
        return channel.name();
    }

    public GwsException unknown(String interactionId) {
        return GwsException.notFound("There is no " + channel.name() + " '" + GwsException.echo(interactionId) + "' of yours.");
    }

    /** How an agent or supervisor is named in the conversation unless it says otherwise. */
    public static String nickname(UserRecord user) {
        return user.firstName() != null && !user.firstName().isBlank() ? user.firstName() : user.userName();
    }

    // ---- settling a change -----------------------------------------------------------------------------------

    /** Every agent and supervisor is told what changed for it; the customer's channel gets what it may now read. */
    private void tell(InteractionWork work) {
        for (InteractionWork.Tracked tracked : work.tracked()) {
            Interaction interaction = tracked.interaction();
            if (InteractionNotifications.needsWholeTranscript(tracked.before(), interaction)) {
                transcripts.withWholeTranscript(interaction);
            }
            String actor = work.actorParticipantId() != null && interaction.participant(work.actorParticipantId()).isPresent()
                    ? work.actorParticipantId() : null;
            InteractionNotifications.Changes changes = InteractionNotifications.since(tracked.before(), interaction, work.publicOrigin(),
                    actor, actor == null ? null : work.referenceId());
            changes.notifications().forEach(notification -> notifications.interaction(work.contactCenterId(), notification));
            if (!changes.newForCustomer().isEmpty() && customerDelivery.isResolvable()) {
                work.needsItsTransaction();
                customerDelivery.get().deliver(interaction, tracked.row().customerKey, changes.newForCustomer());
            }
        }
    }

    /**
     * Writes every interaction of the work as it is now, and the index of who takes part in it; each is remembered as
     * written once the transaction commits.
     *
     * @throws StaleInteraction if an interaction the work started from memory has moved on since
     */
    void save(InteractionWork work) {
        for (InteractionWork.Tracked tracked : work.tracked()) {
            Interaction interaction = tracked.interaction();
            MediaInteractionRow row = tracked.row();
            String body = EventJson.write(interaction);
            if (body.equals(row.body) && tracked.origin() == InteractionWork.Origin.LOCKED) {
                continue; // read and left as it was (routing looks at every waiting interaction): nothing to write
            }
            boolean participationsChanged = work.participationsChanged(interaction);
            // A remembered one is written even unchanged: what the change told anyone was decided from that copy, which
            // the write's version check confirms.
            row.body = body;
            row.waitingSince = interaction.isCompleted() ? null : interaction.waitingSince;
            row.completedAt = interaction.completedAt;
            row.updatedAt = work.now();
            switch (tracked.origin()) {
                case STARTED -> {
                    entityManager.persist(row);
                    transcripts.append(interaction, tracked.storedEntries());
                }
                case LOCKED -> {
                    if (transcripts.updateWithEntries(row, interaction, tracked.storedEntries(), outbox.takePending())) {
                        // Written with its new entries and the events told above in one statement: Hibernate is not to
                        // write it again at the commit.
                        entityManager.unwrap(Session.class).setReadOnly(row, true);
                    }
                    // Otherwise persisted earlier in this transaction and not flushed yet: Hibernate inserts it as it is now.
                }
                case REMEMBERED -> {
                    List<OutboxEvent> events = outbox.takePending();
                    boolean written = work.isWrittenInOneStatement(tracked, participationsChanged)
                            // A statement that commits itself, outside the transaction (nothing else is written), shared
                            // with the like writes of other requests.
                            ? QuarkusTransaction.suspendingExisting().call(
                                    () -> groupedWrites.write(row, interaction, tracked.storedEntries(), events))
                            : groupedWrites.writeAlone(row, interaction, tracked.storedEntries(), events);
                    if (!written) {
                        cache.forget(interaction.id);
                        throw new StaleInteraction(interaction.id);
                    }
                }
            }
            cache.rememberAtCommit(row);
            if (!participationsChanged) {
                continue; // most changes (a message, typing) leave who takes part as it was
            }
            List<MediaParticipation> now = new ArrayList<>();
            for (Participant participant : interaction.participants) {
                if (participant.userId != null && !participant.state.finished()) {
                    MediaParticipation participation = new MediaParticipation();
                    participation.interactionId = interaction.id;
                    participation.participantId = participant.participantId;
                    participation.userId = participant.userId;
                    participation.role = participant.role.name();
                    participation.state = participant.state.name();
                    now.add(participation);
                }
            }
            interactions.replaceParticipations(interaction.id, now);
        }
    }
}
