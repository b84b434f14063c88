package io.opengws.notification.cometd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opengws.common.events.Topics;
import io.opengws.notification.messaging.TestNotifications;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A session receives only what is addressed to its own user in its own contact center, even subscribed to
 * {@code /**}: notifications are routed by recipient, never by channel alone.
 */
@QuarkusTest
class UserIsolationTest {

    @TestHTTPResource("/api/v2/notifications")
    URI notifications;

    @Test
    void aUserSubscribedToEverythingGetsNeitherAnotherUsersNorAnotherContactCentersNotifications() {
        FanOutReadiness.await(notifications);
        BayeuxPrincipal agent = TestNotifications.newUser("cc-one");
        BayeuxPrincipal colleague = TestNotifications.newUser("cc-one");
        // The same user id in another contact center: a producer's mistake that must not leak across tenants.
        BayeuxPrincipal agentElsewhere = new BayeuxPrincipal(agent.userId(), "cc-two");
        RawBayeux agentBrowser = new RawBayeux(notifications, TestBayeuxAuthenticator.basic(agent));
        RawBayeux colleagueBrowser = new RawBayeux(notifications, TestBayeuxAuthenticator.basic(colleague));
        RawBayeux elsewhereBrowser = new RawBayeux(notifications, TestBayeuxAuthenticator.basic(agentElsewhere));
        String agentSession = agentBrowser.connectedAndSubscribed("/**");
        String colleagueSession = colleagueBrowser.connectedAndSubscribed("/**");
        String elsewhereSession = elsewhereBrowser.connectedAndSubscribed("/**");

        TestNotifications.send(Topics.NOTIFICATIONS_VOICE, colleague, "/v2/me/calls", TestNotifications.data("CallStateChangeMessage", 1));
        TestNotifications.send(Topics.NOTIFICATIONS_VOICE, agentElsewhere, "/v2/me/calls", TestNotifications.data("CallStateChangeMessage", 2));
        // Same key as the one before, so the same partition: read after it.
        TestNotifications.send(Topics.NOTIFICATIONS_VOICE, agent, "/v2/me/calls", TestNotifications.data("CallStateChangeMessage", 3));

        assertEquals(List.of(1), numbersUntil(colleagueBrowser, colleagueSession, 1));
        assertEquals(List.of(2), numbersUntil(elsewhereBrowser, elsewhereSession, 2));
        assertEquals(List.of(3), numbersUntil(agentBrowser, agentSession, 3));
        // The colleague's notification was read before its own session got it; nothing more reaches the agent.
        assertEquals(List.of(), numbers(agentBrowser.connect(agentSession, 500L).events()));
    }

    /** Everything the session receives until the notification numbered {@code last} (at most 15 s). */
    private static List<Integer> numbersUntil(RawBayeux browser, String clientId, int last) {
        List<Integer> received = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 15_000;
        while (!received.contains(last) && System.currentTimeMillis() < deadline) {
            received.addAll(numbers(browser.connect(clientId, 1000L).events()));
        }
        return received;
    }

    private static List<Integer> numbers(List<ObjectNode> events) {
        return events.stream().map(event -> event.path("data").path("n").asInt()).toList();
    }
}
