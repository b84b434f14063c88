package io.opengws.common.multimedia;

import io.opengws.common.events.SessionEvent;
import io.opengws.common.identity.Caller;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.PublicOrigin;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The agent's state on this channel (reference 3.1): active while its contact-center session includes the channel
 * (gws.sessions), then Ready or NotReady at its request (decision 13: Ready before activation answers statusCode 2,
 * Ready while Ready answers 0). Every change is notified on {@code /v2/me/channels}.
 */
@IfBuildProperty(name = "gws.multimedia.enabled", stringValue = "true")
@ApplicationScoped
public class MediaChannelStates {

    @Inject
    MediaChannel channel;

    @Inject
    MediaAgentRepository agents;

    @Inject
    MediaMonitoringRepository subscriptions;

    @Inject
    MediaMonitoringControl monitoring;

    @Inject
    MediaNotifications notifications;

    @Inject
    InteractionDesk desk;

    @Inject
    PublicOrigin origin;

    @Transactional
    void onSession(@Observes SessionEvent event) {
        String contactCenterId = event instanceof SessionEvent.SessionStarted started ? started.contactCenterId()
                : ((SessionEvent.SessionEnded) event).contactCenterId();
        boolean active = event instanceof SessionEvent.SessionStarted started && started.channels().contains(channel.name());
        MediaAgent agent = agents.findById(event.userId());
        if (agent == null && !active && subscriptions.bySupervisor(event.userId()).isEmpty()) {
            return; // never on this channel: nothing to say
        }
        desk.change(contactCenterId, work -> {
            MediaAgent state = agent != null ? agent : newAgent(event.userId(), contactCenterId, work);
            state.active = active;
            state.ready = false;
            if (event instanceof SessionEvent.SessionEnded ended) {
                // CONTRACT.md section 3: monitoring ends with the supervisor's session and does not come back.
                monitoring.endAllOf(event.userId(), ended.reason().name());
            }
            if (active || agent != null) {
                notifications.channelState(contactCenterId, event.userId(), false, subscriptions.bySupervisor(event.userId()),
                        origin.origin(), active);
            }
            return null;
        });
    }

    private MediaAgent newAgent(String userId, String contactCenterId, InteractionWork work) {
        MediaAgent agent = new MediaAgent();
        agent.userId = userId;
        agent.contactCenterId = contactCenterId;
        agent.idleSince = work.now();
        agents.persist(agent);
        return agent;
    }

    /** Ready or NotReady on this channel; Ready lets routing offer what waits. */
    @Transactional
    public void change(Caller caller, boolean ready) {
        MediaAgent agent = agents.findByIdOptional(caller.userId()).filter(found -> found.active).orElseThrow(() -> GwsException.invalidParameter(
                "The " + channel.name() + " channel is not active: start a contact-center session with the channel " + channel.name()
                        + " first, and wait for its ChannelStateChangeMessage."));
        desk.change(caller.contactCenterId(), work -> {
            if (ready && !agent.ready) {
                agent.idleSince = work.now();
                work.routingNeeded();
            }
            agent.ready = ready;
            notifications.channelState(caller.contactCenterId(), caller.userId(), ready, subscriptions.bySupervisor(caller.userId()),
                    origin.origin(), false);
            return null;
        });
    }
}
