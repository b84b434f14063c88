package io.opengws.voice.telephony;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opengws.common.events.EventJson;
import io.opengws.common.events.NotificationEvent;
import io.opengws.common.events.Topics;
import io.opengws.common.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** CallStateChangeMessage and ErrorMessage on /v2/me/calls for one party, written with the change (outbox). */
@ApplicationScoped
public class CallNotifications {

    public static final String CALLS_CHANNEL = "/v2/me/calls";

    @Inject
    Outbox outbox;

    /** Must run in the transaction of the change. */
    public void callChanged(String contactCenterId, String userId, String phoneNumber, String notificationType,
            Map<String, Object> call) {
        ObjectNode data = EventJson.mapper().createObjectNode();
        data.put("messageType", "CallStateChangeMessage");
        data.put("notificationType", notificationType);
        data.set("call", EventJson.mapper().valueToTree(call));
        data.put("phoneNumber", phoneNumber);
        data.putObject("extensions");
        send(contactCenterId, userId, data);
    }

    /** An accepted operation that failed later (CONTRACT.md section 2, "async errors"). */
    public void error(String contactCenterId, String userId, int errorCode, String errorMessage, String callUri) {
        ObjectNode data = EventJson.mapper().createObjectNode();
        data.put("messageType", "ErrorMessage");
        data.put("errorCode", errorCode);
        data.put("errorMessage", errorMessage);
        data.put("callUri", callUri);
        send(contactCenterId, userId, data);
    }

    private void send(String contactCenterId, String userId, ObjectNode data) {
        String eventId = Outbox.newEventId();
        outbox.add(Topics.NOTIFICATIONS_VOICE, userId, eventId,
                new NotificationEvent(eventId, contactCenterId, userId, CALLS_CHANNEL, data, Instant.now()));
    }
}
