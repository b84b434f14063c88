package io.opengws.notification.cometd;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opengws.notification.messaging.TestNotifications;

/**
 * The fan-out's consumers start at the latest offsets once their group has its partitions; a record written
 * before that is (rightly) never read. Tests that write to Kafka first wait here until a probe written to
 * each notification topic reaches a session. Once per application start.
 */
public final class FanOutReadiness {

    private static final long WITHIN_MILLIS = 60_000;
    private static volatile boolean ready;

    private FanOutReadiness() {
    }

    public static synchronized void await(URI notifications) {
        if (ready) {
            return;
        }
        BayeuxPrincipal probe = TestNotifications.newUser("probe");
        RawBayeux bayeux = new RawBayeux(notifications, TestBayeuxAuthenticator.basic(probe));
        String clientId = bayeux.connectedAndSubscribed("/**");
        Set<String> reached = new HashSet<>();
        long deadline = System.currentTimeMillis() + WITHIN_MILLIS;
        while (reached.size() < TestNotifications.TOPICS.size()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the fan-out did not read " + TestNotifications.TOPICS + " within "
                        + WITHIN_MILLIS + " ms; reached only " + reached);
            }
            for (String topic : TestNotifications.TOPICS) {
                if (!reached.contains(topic)) {
                    ObjectNode data = TestNotifications.data("Probe", 0).put("topic", topic);
                    TestNotifications.send(topic, probe, "/v2/me/probe", data);
                }
            }
            for (ObjectNode event : bayeux.connect(clientId, 500L).events()) {
                reached.add(event.path("data").path("topic").asText());
            }
        }
        bayeux.post("", bayeux.message("/meta/disconnect").put("clientId", clientId));
        ready = true;
    }
}
