package io.opengws.common.multimedia;

import java.util.List;
import java.util.Optional;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.events.MonitoringAuditEvent.Kind;
import io.opengws.common.events.UserRecord;
import io.opengws.common.identity.Caller;
import io.opengws.common.identity.Role;
import io.opengws.common.interaction.Interaction;
import io.opengws.common.interaction.InteractionOperation;
import io.opengws.common.interaction.InteractionState;
import io.opengws.common.interaction.Participant;
import io.opengws.common.interaction.SupervisorMode;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.PublicOrigin;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Supervisor monitoring on a multimedia channel (reference 3.5–3.8, CONTRACT decisions 9, 18, 19): the
 * subscriptions, the supervisor joining when a monitored agent accepts, mode switches, Intrude, and the end of
 * NextChat. Subscriptions are rows, so they survive restarts; every step is audited.
 */
@IfBuildProperty(name = "gws.multimedia.enabled", stringValue = "true")
@ApplicationScoped
public class MediaMonitoringControl {

    @Inject
    MediaMonitoringRepository subscriptions;

    @Inject
    MediaAgentRepository agents;

    @Inject
    MediaNotifications notifications;

    @Inject
    DirectoryReplica directory;

    @Inject
    PublicOrigin origin;

    @Inject
    InteractionDesk desk;

    // ---- POST /api/v2/users/{agentId}/channels/{chat|smssession} ---------------------------------------------

    /** Monitor, Coach or BargeIn: a new subscription, or the one to this agent replaced (reference 3.5). */
    @Transactional
    public void configure(Caller supervisor, String agentId, SupervisorMode mode, MediaMonitoring.Scope scope, Optional<String> nickname) {
        UserRecord agent = monitorable(supervisor, agentId);
        desk.change(supervisor.contactCenterId(), work -> {
            MediaMonitoring subscription = subscriptions.findByIdOptional(new MediaMonitoring.Key(supervisor.userId(), agent.id()))
                    .orElseGet(MediaMonitoring::new);
            boolean created = subscription.supervisorId == null;
            subscription.supervisorId = supervisor.userId();
            subscription.agentId = agent.id();
            subscription.contactCenterId = supervisor.contactCenterId();
            subscription.mode = mode;
            subscription.nextOnly = scope == MediaMonitoring.Scope.NextChat;
            subscription.nickname = nickname.filter(name -> !name.isBlank())
                    .orElseGet(() -> directory.user(supervisor.userId()).map(UserRecord::userName).orElse(supervisor.userName()));
            subscription.spentOn = null;
            subscription.createdAt = created ? work.now() : subscription.createdAt;
            if (created) {
                subscriptions.persist(subscription);
            }
            notifications.audit(supervisor.contactCenterId(), supervisor.userId(), agent.id(), null, Kind.SubscriptionStarted,
                    mode.name() + "/" + scope.name(), null);
            tellSupervisor(supervisor.contactCenterId(), supervisor.userId());
            return null;
        });
    }

    /** Ends the subscription; a conversation the supervisor is in goes on until it leaves (reference 3.5). */
    @Transactional
    public void cancel(Caller supervisor, String agentId) {
        UserRecord agent = monitorable(supervisor, agentId);
        desk.change(supervisor.contactCenterId(), work -> {
            MediaMonitoring subscription = subscriptions.findByIdOptional(new MediaMonitoring.Key(supervisor.userId(), agent.id()))
                    .orElseThrow(() -> GwsException.invalidParameter("You are not monitoring " + agent.userName() + " on "
                            + desk.channelName() + "."));
            end(subscription, "Cancelled");
            return null;
        });
    }

    /** The supervisor's contact-center session ended: its monitoring ends and does not come back (CONTRACT section 3). */
    public void endAllOf(String supervisorId, String reason) {
        for (MediaMonitoring subscription : subscriptions.bySupervisor(supervisorId)) {
            end(subscription, reason);
        }
    }

    private void end(MediaMonitoring subscription, String reason) {
        subscriptions.delete(subscription);
        notifications.audit(subscription.contactCenterId, subscription.supervisorId, subscription.agentId, null, Kind.SubscriptionEnded,
                subscription.mode.name(), reason);
        tellSupervisor(subscription.contactCenterId, subscription.supervisorId);
    }

    private UserRecord monitorable(Caller supervisor, String agentId) {
        if (!supervisor.has(Role.ROLE_SUPERVISOR)) {
            throw GwsException.notPermitted("Supervisor monitoring needs the role ROLE_SUPERVISOR.");
        }
        return directory.user(agentId).filter(user -> user.contactCenterId().equals(supervisor.contactCenterId()))
                .orElseThrow(() -> GwsException.notFound("There is no user '" + GwsException.echo(agentId) + "' to monitor."));
    }

    /** CONTRACT decision 9: the supervisor's channel state with every monitoring it has now. */
    void tellSupervisor(String contactCenterId, String supervisorId) {
        boolean ready = agents.findByIdOptional(supervisorId).map(agent -> agent.ready).orElse(false);
        notifications.channelState(contactCenterId, supervisorId, ready, subscriptions.bySupervisor(supervisorId), origin.origin(), false);
    }

    // ---- within a change --------------------------------------------------------------------------------------

    /** Supervisors of an agent who has just started chatting join it (reference 3.6), unless already in it. */
    void joinSupervisors(InteractionWork work) {
        for (Interaction interaction : work.interactions()) {
            if (interaction.isCompleted()) {
                continue;
            }
            for (Participant agent : List.copyOf(interaction.participants)) {
                if (!agent.isAgent() || agent.state != InteractionState.Chatting || work.stateBefore(interaction, agent) == InteractionState.Chatting) {
                    continue;
                }
                for (MediaMonitoring subscription : subscriptions.targeting(agent.userId)) {
                    boolean alreadyThere = interaction.participantOfUser(subscription.supervisorId).filter(found -> !found.state.finished()).isPresent();
                    if (alreadyThere || subscription.nextOnly && subscription.spentOn != null) {
                        continue;
                    }
                    interaction.supervisorJoins(subscription.supervisorId, subscription.nickname, subscription.mode, agent.userId, work.now());
                    if (subscription.nextOnly) {
                        subscription.spentOn = interaction.id;
                    }
                    notifications.audit(work.contactCenterId(), subscription.supervisorId, agent.userId, interaction.id, Kind.SessionStarted,
                            subscription.mode.name(), null);
                }
            }
        }
    }

    /** Supervisors whose monitoring session ended are audited; a NextChat subscription ends with its interaction. */
    void afterChange(InteractionWork work) {
        for (Interaction interaction : work.interactions()) {
            for (Participant supervisor : interaction.participants) {
                InteractionState before = work.stateBefore(interaction, supervisor);
                if (!supervisor.isSupervisor() || !supervisor.state.finished() || before == null || before.finished()) {
                    continue;
                }
                notifications.audit(work.contactCenterId(), supervisor.userId, supervisor.monitoredUserId, interaction.id, Kind.SessionEnded,
                        supervisor.mode.name(), supervisor.state.name());
                if (supervisor.monitoredUserId != null) {
                    subscriptions.findByIdOptional(new MediaMonitoring.Key(supervisor.userId, supervisor.monitoredUserId))
                            .filter(subscription -> subscription.nextOnly && interaction.id.equals(subscription.spentOn))
                            .ifPresent(subscription -> end(subscription, "NextChatEnded"));
                }
            }
        }
    }

    /** SwitchToMonitor, SwitchToCoach, SwitchToBargeIn (reference 3.7): ParticipantsUpdated and ParticipantRejoined follow. */
    void switchMode(InteractionWork work, Interaction interaction, Participant supervisor, InteractionOperation operation) {
        SupervisorMode mode = SupervisorMode.switchedToBy(operation).orElseThrow();
        interaction.switchMode(supervisor, mode, work.now());
        notifications.audit(work.contactCenterId(), supervisor.userId, supervisor.monitoredUserId, interaction.id, Kind.ModeChanged,
                mode.name(), null);
    }

    // ---- POST /api/v2/users/{agentId}/{chats|smssessions}/{id} -----------------------------------------------

    /**
     * Intrude (reference 3.8): the supervisor is offered a conversation its monitored agent is in, in the mode it
     * asks for or that of its monitoring of the agent; it joins with Accept.
     */
    @Transactional
    public void intrude(Caller supervisor, String agentId, String interactionId, Optional<SupervisorMode> requested) {
        UserRecord agent = monitorable(supervisor, agentId);
        Optional<MediaMonitoring> subscription = subscriptions.findByIdOptional(new MediaMonitoring.Key(supervisor.userId(), agent.id()));
        SupervisorMode mode = requested.or(() -> subscription.map(found -> found.mode)).orElseThrow(() -> GwsException.invalidParameter(
                "Intrude needs supervisorVisibilityMode when you do not monitor " + agent.userName() + "."));
        String nickname = subscription.map(found -> found.nickname)
                .orElseGet(() -> directory.user(supervisor.userId()).map(UserRecord::userName).orElse(supervisor.userName()));
        desk.change(supervisor.contactCenterId(), work -> {
            Interaction interaction = work.interaction(interactionId).orElseThrow(() -> desk.unknown(interactionId));
            boolean agentIn = interaction.participantOfUser(agent.id()).filter(Participant::present).isPresent();
            if (!agentIn) {
                throw GwsException.notFound(agent.userName() + " is not in " + desk.channelName() + " '" + GwsException.echo(interactionId) + "'.");
            }
            Participant intruder = interaction.supervisorIntrudes(supervisor.userId(), nickname, mode, agent.id(), work.now());
            work.actor(intruder, null);
            notifications.audit(work.contactCenterId(), supervisor.userId(), agent.id(), interaction.id, Kind.SessionStarted, mode.name(), "Intrude");
            return null;
        });
    }
}
