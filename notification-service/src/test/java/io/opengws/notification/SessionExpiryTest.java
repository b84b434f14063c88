package io.opengws.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.opengws.common.events.EventJson;
import io.opengws.common.events.SessionEvent;
import io.opengws.common.events.Topics;
import io.opengws.notification.cometd.RawBayeux;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A contact-center session ends after the session timeout with no request and no CometD connection
 * (CONTRACT.md section 3, last paragraph): 30 minutes in production, 2 seconds here.
 */
@QuarkusTest
@TestProfile(SessionExpiryTest.ShortSessions.class)
class SessionExpiryTest {

    public static class ShortSessions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gws.session.timeout", "PT2S", "gws.sessions.expiry-check", "1s");
        }
    }

    @TestHTTPResource("/api/v2/notifications")
    URI notifications;

    @Test
    void anIdleSessionExpiresAndIsAnnouncedAsExpired() {
        IdentityFixtures.Person agent = IdentityFixtures.agent();
        start(agent);
        ConsumerRecord<String, String> record = TopicProbe.await(Topics.SESSIONS, candidate -> agent.id().equals(candidate.key())
                && EventJson.read(candidate.value(), SessionEvent.class) instanceof SessionEvent.SessionEnded);
        SessionEvent.SessionEnded ended = (SessionEvent.SessionEnded) EventJson.read(record.value(), SessionEvent.class);
        assertEquals(SessionEvent.EndReason.expired, ended.reason());
    }

    @Test
    void aLiveCometdConnectionKeepsTheSessionAlive() throws Exception {
        IdentityFixtures.Person agent = IdentityFixtures.agent();
        RawBayeux desktop = new RawBayeux(notifications, agent.basic());
        String clientId = desktop.connectedAndSubscribed("/v2/me/*");
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread longPoll = new Thread(() -> {
            while (polling.get()) {
                desktop.connect(clientId, 1000L);
            }
        });
        longPoll.start();
        try {
            start(agent);
            TopicProbe.none(Topics.SESSIONS, candidate -> agent.id().equals(candidate.key())
                    && EventJson.read(candidate.value(), SessionEvent.class) instanceof SessionEvent.SessionEnded, Duration.ofSeconds(6));
        } finally {
            polling.set(false);
            longPoll.join(5000);
        }
    }

    private static void start(IdentityFixtures.Person agent) {
        agent.request().body(Map.of("operationName", "StartContactCenterSession", "channels", List.of("voice")))
                .when().post("/api/v2/me").then().statusCode(200);
    }
}
