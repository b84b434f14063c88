package io.opengws.voice.monitoring;

import java.time.Instant;

import io.opengws.common.events.MonitoringAuditEvent;
import io.opengws.common.events.MonitoringAuditEvent.Kind;
import io.opengws.common.events.Topics;
import io.opengws.common.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Voice monitoring lifecycle events to gws.monitoring-audit (CONTRACT.md section 4), with the change. */
@ApplicationScoped
public class MonitoringAudit {

    public static final String CHANNEL = "voice";

    @Inject
    Outbox outbox;

    public void record(String contactCenterId, String supervisorId, String agentId, String callId, Kind kind,
            String mode, String reason) {
        String eventId = Outbox.newEventId();
        outbox.add(Topics.MONITORING_AUDIT, supervisorId, eventId, new MonitoringAuditEvent(eventId, contactCenterId,
                CHANNEL, supervisorId, agentId, callId, kind, mode, reason, Instant.now()));
    }
}
