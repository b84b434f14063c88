package io.opengws.sms;

import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import io.opengws.common.events.NotificationEvent;
import io.opengws.common.events.Topics;
import io.opengws.local.testing.NotificationInbox;

/**
 * Everything sms-service publishes on gws.notifications.sms, read from the real broker as it arrives. One reader
 * for the whole test run ({@link #shared()}): every test works in a contact center of its own and reads from a
 * {@link #mark()}, so sharing costs nothing and saves a consumer-group join per class.
 */
final class SmsInbox {

    private static SmsInbox shared;

    private final NotificationInbox inbox = new NotificationInbox(Topics.NOTIFICATIONS_SMS);

    static synchronized SmsInbox shared() {
        if (shared == null) {
            shared = new SmsInbox();
        }
        return shared;
    }

    private SmsInbox() {
    }

    /** Position after everything received so far. */
    int mark() {
        return inbox.mark();
    }

    /** The first message to {@code userId} from {@code since} on that matches, waiting up to 20 s. */
    NotificationEvent await(String userId, int since, String description, Predicate<NotificationEvent> match) {
        return inbox.await(userId, since, description, match);
    }

    /** The {@code smssession} of the first SMSsessionStateChangeMessage to {@code userId} about that session that matches. */
    JsonNode awaitSession(String userId, int since, String sessionId, String description, Predicate<JsonNode> match) {
        return await(userId, since, description + " of " + sessionId,
                event -> isStateChange(event, sessionId) && match.test(event.data().path("smssession"))).data().path("smssession");
    }

    /** The messages of the first MessageLogUpdated to {@code userId} about that session with a message that matches. */
    JsonNode awaitMessage(String userId, int since, String sessionId, String description, Predicate<JsonNode> match) {
        return await(userId, since, description + " in " + sessionId, event -> {
            if (!isMessageLog(event, sessionId)) {
                return false;
            }
            for (JsonNode message : event.data().path("messages")) {
                if (match.test(message)) {
                    return true;
                }
            }
            return false;
        }).data().path("messages");
    }

    /** Messages to {@code userId} from {@code since} on. */
    List<NotificationEvent> of(String userId, int since) {
        return inbox.of(userId, since);
    }

    /** Messages to {@code userId} from {@code since} on about that SMS session, state changes and transcript alike. */
    List<NotificationEvent> about(String userId, int since, String sessionId) {
        return of(userId, since).stream().filter(event -> isStateChange(event, sessionId) || isMessageLog(event, sessionId)).toList();
    }

    static boolean isStateChange(NotificationEvent event, String sessionId) {
        return "/v2/me/smssessions".equals(event.channel())
                && "SMSsessionStateChangeMessage".equals(event.data().path("messageType").asText())
                && sessionId.equals(event.data().path("smssession").path("id").asText());
    }

    static boolean isMessageLog(NotificationEvent event, String sessionId) {
        return "/v2/me/smssessions".equals(event.channel())
                && "MessageLogUpdated".equals(event.data().path("messageType").asText())
                && event.data().path("smssessionPath").asText().equals("/smssessions/" + sessionId);
    }
}
