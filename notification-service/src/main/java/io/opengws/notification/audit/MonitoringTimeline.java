package io.opengws.notification.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Turns the audit's events into what a person asks about: each monitoring subscription (a supervisor
 * configured to monitor an agent on a channel) and each monitoring session (a supervisor inside one
 * interaction), with its mode changes and how it ended. Plain Java.
 */
public final class MonitoringTimeline {

    // Jackson writes these by reflection: they reach REST inside a GwsResponse's untyped map, where
    // Quarkus cannot see their type to register it for a native image.
    @RegisterForReflection
    public enum Kind {
        subscription, session
    }

    @RegisterForReflection
    public record ModeChange(String mode, Instant at) {
    }

    @RegisterForReflection
    public record Entry(Kind kind, String contactCenterId, String channel, String supervisorId, String agentId,
            String interactionId, Instant startedAt, Instant endedAt, String endReason, List<ModeChange> modes) {

        boolean overlaps(Optional<Instant> from, Optional<Instant> to) {
            boolean afterFrom = from.map(start -> endedAt == null || !endedAt.isBefore(start)).orElse(true);
            boolean beforeTo = to.map(end -> !startedAt.isAfter(end)).orElse(true);
            return afterFrom && beforeTo;
        }
    }

    private static final class Open {
        final MonitoringAuditRow first;
        final List<ModeChange> modes = new ArrayList<>();
        Instant endedAt;
        String endReason;

        Open(MonitoringAuditRow first) {
            this.first = first;
            if (first.mode != null) {
                modes.add(new ModeChange(first.mode, first.at));
            }
        }
    }

    private MonitoringTimeline() {
    }

    /** @param events in the order they happened */
    public static List<Entry> of(List<MonitoringAuditRow> events, Optional<Instant> from, Optional<Instant> to) {
        Map<String, Open> open = new LinkedHashMap<>();
        List<Open> all = new ArrayList<>();
        for (MonitoringAuditRow event : events) {
            switch (event.kind) {
                case "SubscriptionStarted", "SessionStarted" -> {
                    Open started = new Open(event);
                    open.put(key(event), started);
                    all.add(started);
                }
                case "ModeChanged" -> {
                    Open current = open.get(key(event));
                    if (current != null) {
                        current.modes.add(new ModeChange(event.mode, event.at));
                    }
                }
                case "SubscriptionEnded", "SessionEnded" -> {
                    Open current = open.remove(key(event));
                    if (current != null) {
                        current.endedAt = event.at;
                        current.endReason = event.reason;
                    }
                }
                default -> {
                    // A kind added by a newer producer: not part of any timeline yet.
                }
            }
        }
        return all.stream().map(MonitoringTimeline::entry).filter(entry -> entry.overlaps(from, to)).toList();
    }

    private static Entry entry(Open open) {
        MonitoringAuditRow first = open.first;
        Kind kind = first.kind.startsWith("Subscription") ? Kind.subscription : Kind.session;
        return new Entry(kind, first.contactCenterId, first.channel, first.supervisorId, first.agentId, first.interactionId,
                first.at, open.endedAt, open.endReason, List.copyOf(open.modes));
    }

    /**
     * Subscriptions are per supervisor, agent and channel; sessions per supervisor and interaction. A
     * {@code ModeChanged} without an interaction is a subscription's (only session events carry one).
     */
    private static String key(MonitoringAuditRow event) {
        boolean subscription = event.kind.startsWith("Subscription") || event.kind.equals("ModeChanged") && event.interactionId == null;
        return subscription
                ? "subscription|" + event.supervisorId + "|" + event.agentId + "|" + event.channel
                : "session|" + event.supervisorId + "|" + event.channel + "|" + event.interactionId;
    }
}
