package io.opengws.common.multimedia;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opengws.common.events.EventJson;
import io.opengws.common.events.MonitoringAuditEvent;
import io.opengws.common.events.NotificationEvent;
import io.opengws.common.events.Topics;
import io.opengws.common.interaction.InteractionNotifications;
import io.opengws.common.outbox.Outbox;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What this channel tells its users, written with the change (outbox): interaction messages on
 * {@code /v2/me/chats} or {@code /v2/me/smssessions}, the channel state on {@code /v2/me/channels}, and the
 * monitoring lifecycle on {@code gws.monitoring-audit}.
 */
@IfBuildProperty(name = "gws.multimedia.enabled", stringValue = "true")
@ApplicationScoped
public class MediaNotifications {

    public static final String CHANNELS_TOPIC = "/v2/me/channels";

    /** The fixed agent-state ids every GWS sample shows (reference 3.1). */
    private static final Map<String, String> READY = Map.of("id", "9430250E-0A1B-421F-B372-F29E69366DED", "displayName", "Ready", "state", "Ready");
    private static final Map<String, String> NOT_READY = Map.of("id", "900D55CC-2BB0-431F-8BF9-D3525B383BE6", "displayName", "Not Ready",
            "state", "NotReady");

    @Inject
    Outbox outbox;

    @Inject
    MediaChannel channel;

    public void interaction(String contactCenterId, InteractionNotifications.Notification notification) {
        send(contactCenterId, notification.userId(), notification.topic(), notification.data(), null);
    }

    /**
     * The user's state on this channel and, for a supervisor, every monitoring it has on it (CONTRACT decision 9);
     * {@code activates}: the message that confirms the channel's activation after StartContactCenterSession.
     */
    public void channelState(String contactCenterId, String userId, boolean ready, List<MediaMonitoring> monitorings,
            String publicOrigin, boolean activates) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("channel", channel.name());
        entry.put("userState", ready ? READY : NOT_READY);
        List<Map<String, Object>> states = new ArrayList<>();
        for (MediaMonitoring monitoring : monitorings) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("state", monitoring.mode.name());
            state.put("mode", monitoring.scope().name());
            state.put("targetUserUri", publicOrigin + "/api/v2/users/" + monitoring.agentId);
            states.add(state);
        }
        entry.put("supervisorMonitoringStates", states);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("messageType", "ChannelStateChangeMessage");
        data.put("channels", List.of(entry));
        send(contactCenterId, userId, CHANNELS_TOPIC, data, activates ? channel.name() : null);
    }

    public void audit(String contactCenterId, String supervisorId, String agentId, String interactionId, MonitoringAuditEvent.Kind kind,
            String mode, String reason) {
        String eventId = Outbox.newEventId();
        outbox.add(Topics.MONITORING_AUDIT, supervisorId, eventId, new MonitoringAuditEvent(eventId, contactCenterId, channel.name(),
                supervisorId, agentId, interactionId, kind, mode, reason, Instant.now()));
    }

    private void send(String contactCenterId, String userId, String topic, Map<String, Object> data, String activates) {
        String eventId = Outbox.newEventId();
        ObjectNode body = EventJson.mapper().valueToTree(data);
        outbox.add(channel.notificationTopic(), userId, eventId,
                new NotificationEvent(eventId, contactCenterId, userId, topic, body, Instant.now(), activates));
    }
}
