package io.opengws.voice.repository;

import java.time.Instant;

import io.opengws.voice.call.MonitoringMode;
import io.opengws.voice.call.MonitoringScope;
import io.opengws.voice.call.MonitoringType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** ListenIn, Coach or BargeIn configured on a supervisor's device for an agent's device (reference 2.4). */
@Entity
@Table(name = "monitoring_subscription")
public class MonitoringSubscription {

    @Id
    @Column(name = "supervisor_device_id")
    public String supervisorDeviceId;

    @Column(name = "contact_center_id", nullable = false)
    public String contactCenterId;

    @Column(name = "supervisor_user_id", nullable = false)
    public String supervisorUserId;

    @Column(name = "target_device_id", nullable = false)
    public String targetDeviceId;

    @Column(name = "target_user_id", nullable = false)
    public String targetUserId;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    public MonitoringType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "scope", nullable = false)
    public MonitoringScope scope;

    @Enumerated(EnumType.STRING)
    @Column(name = "mode", nullable = false)
    public MonitoringMode mode;

    @Column(name = "phone_number")
    public String phoneNumber;

    /** NextCall: the call the subscription is spent on. */
    @Column(name = "spent_on_call_id")
    public String spentOnCallId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
