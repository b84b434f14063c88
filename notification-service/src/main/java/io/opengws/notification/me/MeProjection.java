package io.opengws.notification.me;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a notification tells about the state of the recipient's resources, for {@code GET /api/v2/me}:
 * the resource it carries is now in this state, or (a released call, a finished chat) is gone. Plain Java,
 * one rule per message type.
 */
public final class MeProjection {

    /** One resource to store (body present) or forget (body null). */
    public record Change(String kind, String resourceId, ObjectNode body) {
    }

    public static final String DEVICES = "devices";
    public static final String CALLS = "calls";
    public static final String CHATS = "chats";
    public static final String SMS_SESSIONS = "smssessions";
    public static final String CHANNELS = "channels";

    private static final Set<String> FINISHED_INTERACTION_STATES = Set.of("Completed", "Revoked", "LeftChat", "Released");

    private MeProjection() {
    }

    private static final String DEVICE_STATE = "DeviceStateChangeMessage";
    private static final String CALL_STATE = "CallStateChangeMessage";
    private static final String CHAT_STATE = "ChatStateChangeMessage";
    private static final String SMS_SESSION_STATE = "SMSsessionStateChangeMessage";
    private static final String CHANNEL_STATE = "ChannelStateChangeMessage";
    private static final Set<String> STATE_MESSAGES = Set.of(DEVICE_STATE, CALL_STATE, CHAT_STATE, SMS_SESSION_STATE, CHANNEL_STATE);

    /** Whether a message of this type may change a resource; only {@link #changes} of such a message can be non-empty. */
    public static boolean mayChange(String messageType) {
        return STATE_MESSAGES.contains(messageType);
    }

    public static List<Change> changes(ObjectNode data) {
        String type = data.path("messageType").asText("");
        List<Change> changes = new ArrayList<>();
        switch (type) {
            case DEVICE_STATE -> each(data.path("devices"), device -> changes.add(keep(DEVICES, device.path("id").asText(null), device)));
            case CALL_STATE -> interaction(changes, CALLS, data.path("call"));
            case CHAT_STATE -> interaction(changes, CHATS, data.path("chat"));
            case SMS_SESSION_STATE -> interaction(changes, SMS_SESSIONS, data.path("smssession"));
            case CHANNEL_STATE -> each(data.path("channels"), channel -> changes.add(keep(CHANNELS, channel.path("channel").asText(null), channel)));
            default -> {
                // Other messages (transcript updates, errors) change no resource's state.
            }
        }
        changes.removeIf(change -> change.resourceId() == null);
        return changes;
    }

    private static void interaction(List<Change> changes, String kind, JsonNode resource) {
        if (!resource.isObject()) {
            return;
        }
        String id = resource.path("id").asText(null);
        boolean finished = FINISHED_INTERACTION_STATES.contains(resource.path("state").asText(""));
        changes.add(finished ? new Change(kind, id, null) : keep(kind, id, resource));
    }

    private static Change keep(String kind, String id, JsonNode resource) {
        return new Change(kind, id, resource.isObject() ? (ObjectNode) resource : null);
    }

    private static void each(JsonNode array, java.util.function.Consumer<JsonNode> action) {
        if (array.isArray()) {
            array.forEach(item -> {
                if (item.isObject()) {
                    action.accept(item);
                }
            });
        }
    }
}
