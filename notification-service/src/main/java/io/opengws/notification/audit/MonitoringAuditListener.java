package io.opengws.notification.audit;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.opengws.common.events.EventJson;
import io.opengws.common.events.MonitoringAuditEvent;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Stores gws.monitoring-audit (one consumer group for all replicas), idempotent on eventId. */
@ApplicationScoped
public class MonitoringAuditListener {

    public static final String CHANNEL = "monitoring-audit";

    @Inject
    MonitoringAuditRepository audit;

    @Incoming(CHANNEL)
    @Transactional
    public void onEvent(String value) {
        MonitoringAuditEvent event;
        try {
            event = EventJson.read(value, MonitoringAuditEvent.class);
        } catch (RuntimeException malformed) {
            Log.warnf("Skipped a monitoring audit event that cannot be read: %s", malformed.getMessage());
            return;
        }
        if (event.eventId() == null || event.kind() == null || event.at() == null || event.supervisorId() == null
                || event.agentId() == null || event.contactCenterId() == null || event.channel() == null) {
            Log.warnf("Skipped an incomplete monitoring audit event %s", event.eventId());
            return;
        }
        if (audit.findByIdOptional(event.eventId()).isPresent()) {
            return;
        }
        MonitoringAuditRow row = new MonitoringAuditRow();
        row.eventId = event.eventId();
        row.contactCenterId = event.contactCenterId();
        row.channel = event.channel();
        row.supervisorId = event.supervisorId();
        row.agentId = event.agentId();
        row.interactionId = event.interactionId();
        row.kind = event.kind().name();
        row.mode = event.mode();
        row.reason = event.reason();
        row.at = event.at();
        audit.persist(row);
    }
}
