package io.opengws.notification.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opengws.common.events.NotificationEvent;
import io.opengws.common.events.Topics;
import io.opengws.notification.cometd.BayeuxPrincipal;
import io.opengws.notification.cometd.FanOutReadiness;
import io.opengws.notification.cometd.RawBayeux;
import io.opengws.notification.cometd.TestBayeuxAuthenticator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The Kafka fan-out: every notification topic, partition order, idempotence on eventId, malformed records skipped. */
@QuarkusTest
class NotificationFanOutTest {

    @TestHTTPResource("/api/v2/notifications")
    URI notifications;

    private final BayeuxPrincipal user = TestNotifications.newUser();

    private RawBayeux subscribed(List<String> clientId) {
        FanOutReadiness.await(notifications);
        RawBayeux browser = new RawBayeux(notifications, TestBayeuxAuthenticator.basic(user));
        clientId.add(browser.connectedAndSubscribed("/v2/me/*"));
        return browser;
    }

    @Test
    void chatAndSmsNotificationsAreDeliveredLikeVoice() {
        List<String> clientId = new ArrayList<>();
        RawBayeux browser = subscribed(clientId);
        TestNotifications.send(Topics.NOTIFICATIONS_CHAT, user, "/v2/me/chats", TestNotifications.data("ChatStateChangeMessage", 1));
        TestNotifications.send(Topics.NOTIFICATIONS_SMS, user, "/v2/me/smssessions", TestNotifications.data("SmsStateChangeMessage", 2));

        List<ObjectNode> events = eventsUntil(browser, clientId.get(0), 2);

        assertEquals(List.of("/v2/me/chats", "/v2/me/smssessions"),
                events.stream().map(event -> event.path("channel").asText()).sorted().toList());
    }

    @Test
    void aBurstForOneUserArrivesInPartitionOrder() {
        List<String> clientId = new ArrayList<>();
        RawBayeux browser = subscribed(clientId);
        IntStream.range(0, 30).forEach(n ->
                TestNotifications.send(Topics.NOTIFICATIONS_VOICE, user, "/v2/me/calls", TestNotifications.data("CallStateChangeMessage", n)));

        assertEquals(IntStream.range(0, 30).boxed().toList(), numbers(eventsUntil(browser, clientId.get(0), 30)));
    }

    @Test
    void anEventIdSeenAgainIsNotDeliveredTwice() {
        List<String> clientId = new ArrayList<>();
        RawBayeux browser = subscribed(clientId);
        NotificationEvent event = new NotificationEvent("evt-" + user.userId(), user.contactCenterId(), user.userId(),
                "/v2/me/calls", TestNotifications.data("CallStateChangeMessage", 1), Instant.now());
        TestNotifications.sendEvent(Topics.NOTIFICATIONS_VOICE, event);
        TestNotifications.sendEvent(Topics.NOTIFICATIONS_VOICE, event);
        TestNotifications.send(Topics.NOTIFICATIONS_VOICE, user, "/v2/me/calls", TestNotifications.data("CallStateChangeMessage", 2));

        assertEquals(List.of(1, 2), numbers(eventsUntil(browser, clientId.get(0), 2)));
    }

    @Test
    void aMalformedRecordIsSkippedAndTheNextOnTheSamePartitionIsDelivered() {
        List<String> clientId = new ArrayList<>();
        RawBayeux browser = subscribed(clientId);
        TestNotifications.sendRaw(Topics.NOTIFICATIONS_VOICE, user.userId(), "this is not JSON");
        TestNotifications.sendRaw(Topics.NOTIFICATIONS_VOICE, user.userId(), "{\"eventId\":\"x\",\"userId\":\"" + user.userId() + "\"}");
        TestNotifications.sendRaw(Topics.NOTIFICATIONS_VOICE, user.userId(), "null");
        TestNotifications.send(Topics.NOTIFICATIONS_VOICE, user, "/v2/me/calls", TestNotifications.data("CallStateChangeMessage", 1));

        assertEquals(List.of(1), numbers(eventsUntil(browser, clientId.get(0), 1)));
    }

    /** Connects until {@code count} events have arrived (at most 15 s), then returns them all. */
    private static List<ObjectNode> eventsUntil(RawBayeux browser, String clientId, int count) {
        List<ObjectNode> events = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 15_000;
        while (events.size() < count && System.currentTimeMillis() < deadline) {
            events.addAll(browser.connect(clientId, 1000L).events());
        }
        return events;
    }

    private static List<Integer> numbers(List<ObjectNode> events) {
        return events.stream().map(event -> event.path("data").path("n").asInt()).toList();
    }
}
