package io.opengws.notification.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One event of gws.monitoring-audit, as stored. */
@Entity
@Table(name = "monitoring_audit")
public class MonitoringAuditRow {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "contact_center_id", nullable = false)
    public String contactCenterId;

    @Column(nullable = false)
    public String channel;

    @Column(name = "supervisor_id", nullable = false)
    public String supervisorId;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "interaction_id")
    public String interactionId;

    @Column(nullable = false)
    public String kind;

    public String mode;

    public String reason;

    @Column(nullable = false)
    public Instant at;
}
