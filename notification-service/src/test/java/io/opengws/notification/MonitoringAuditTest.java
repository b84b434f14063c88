package io.opengws.notification;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.opengws.common.events.EventJson;
import io.opengws.common.events.MonitoringAuditEvent;
import io.opengws.common.events.MonitoringAuditEvent.Kind;
import io.opengws.common.events.Topics;
import io.opengws.notification.TestUsers.Account;
import io.quarkus.test.junit.QuarkusTest;

/** The monitoring audit from gws.monitoring-audit to GET /api/v2/supervisor/monitoring-sessions. */
@QuarkusTest
class MonitoringAuditTest {

    @Test
    void eachRoleSeesTheMonitoringItMayWithModeChangesAndEnds() {
        String center = TestUsers.contactCenter();
        Account admin = TestUsers.adminOf(center);
        Account supervisor = TestUsers.user(admin.request(), null, "ROLE_AGENT", "ROLE_SUPERVISOR");
        Account otherSupervisor = TestUsers.user(admin.request(), null, "ROLE_AGENT", "ROLE_SUPERVISOR");
        Account agent = TestUsers.user(admin.request(), null, "ROLE_AGENT");
        Instant start = Instant.parse("2026-03-01T09:00:00Z");

        String duplicated = UUID.randomUUID().toString();
        publish(new MonitoringAuditEvent(duplicated, center, "chat", supervisor.id(), agent.id(), null, Kind.SubscriptionStarted,
                "Monitor", null, start));
        publish(new MonitoringAuditEvent(duplicated, center, "chat", supervisor.id(), agent.id(), null, Kind.SubscriptionStarted,
                "Monitor", null, start));
        publish(event(center, supervisor, agent, "0001CHAT00000001", Kind.SessionStarted, "Monitor", null, start.plusSeconds(60)));
        publish(event(center, supervisor, agent, "0001CHAT00000001", Kind.ModeChanged, "Coach", null, start.plusSeconds(90)));
        publish(event(center, supervisor, agent, "0001CHAT00000001", Kind.SessionEnded, null, "completed", start.plusSeconds(120)));
        publish(event(center, otherSupervisor, agent, "0001CHAT00000002", Kind.SessionStarted, "BargeIn", null, start.plusSeconds(200)));

        Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> admin.request()
                .when().get("/api/v2/supervisor/monitoring-sessions").then()
                .statusCode(200).body("monitoringSessions", hasSize(3)));

        supervisor.request().when().get("/api/v2/supervisor/monitoring-sessions?channel=chat").then()
                .statusCode(200)
                .body("monitoringSessions", hasSize(2))
                .body("monitoringSessions[0].kind", equalTo("subscription"))
                .body("monitoringSessions[0].endedAt", equalTo(null))
                .body("monitoringSessions[1].kind", equalTo("session"))
                .body("monitoringSessions[1].interactionId", equalTo("0001CHAT00000001"))
                .body("monitoringSessions[1].modes.mode", equalTo(List.of("Monitor", "Coach")))
                .body("monitoringSessions[1].endReason", equalTo("completed"))
                .body("monitoringSessions[1].endedAt", equalTo("2026-03-01T09:02:00Z"));
        supervisor.request().when().get("/api/v2/supervisor/monitoring-sessions?supervisorId=" + otherSupervisor.id()).then()
                .statusCode(403).body("statusCode", equalTo(5));
        admin.request().when().get("/api/v2/supervisor/monitoring-sessions?from=2026-03-01T09:03:00Z").then()
                .statusCode(200).body("monitoringSessions.supervisorId", equalTo(List.of(supervisor.id(), otherSupervisor.id())));
        agent.request().when().get("/api/v2/supervisor/monitoring-sessions").then().statusCode(403).body("statusCode", equalTo(5));
        admin.request().when().get("/api/v2/supervisor/monitoring-sessions?from=yesterday").then().statusCode(400).body("statusCode", equalTo(2));
        TestUsers.adminOf(TestUsers.contactCenter()).request().when().get("/api/v2/supervisor/monitoring-sessions").then()
                .statusCode(200).body("monitoringSessions", hasSize(0));
    }

    private static MonitoringAuditEvent event(String center, Account supervisor, Account agent, String interaction, Kind kind,
            String mode, String reason, Instant at) {
        return new MonitoringAuditEvent(UUID.randomUUID().toString(), center, "chat", supervisor.id(), agent.id(), interaction, kind,
                mode, reason, at);
    }

    private static void publish(MonitoringAuditEvent event) {
        TopicProbe.produce(Topics.MONITORING_AUDIT, event.supervisorId(), EventJson.write(event));
    }
}
