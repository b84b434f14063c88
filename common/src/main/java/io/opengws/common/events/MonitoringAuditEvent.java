package io.opengws.common.events;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A step in the life of a monitoring subscription or session, on {@code gws.monitoring-audit} keyed by
 * supervisor id. {@code channel} is {@code voice}, {@code chat} or {@code smssession}; {@code interactionId}
 * is set for session events only; {@code mode} is the wire name (ListenIn, Coach, Monitor, BargeIn, ...).
 */
@RegisterForReflection
public record MonitoringAuditEvent(
        String eventId,
        String contactCenterId,
        String channel,
        String supervisorId,
        String agentId,
        String interactionId,
        Kind kind,
        String mode,
        String reason,
        Instant at) {

    public enum Kind {
        SubscriptionStarted, SessionStarted, ModeChanged, SessionEnded, SubscriptionEnded
    }
}
