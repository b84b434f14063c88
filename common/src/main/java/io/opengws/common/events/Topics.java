package io.opengws.common.events;

import java.util.List;

/**
 * The Kafka topics of ARCHITECTURE.md's contract table, with the partition counts the runtimes create them
 * with. Keys are user ids (or directory keys), so per-user order holds within a partition.
 */
public final class Topics {

    public static final String DIRECTORY = "gws.directory";
    public static final String SESSIONS = "gws.sessions";
    public static final String NOTIFICATIONS_VOICE = "gws.notifications.voice";
    public static final String NOTIFICATIONS_CHAT = "gws.notifications.chat";
    public static final String NOTIFICATIONS_SMS = "gws.notifications.sms";
    public static final String MONITORING_AUDIT = "gws.monitoring-audit";

    /** A topic as it must exist on the broker. */
    public record Spec(String name, int partitions, boolean compacted) {
    }

    public static final List<Spec> ALL = List.of(
            // Compacted: the latest record per contact center or user is the directory a replica rebuilds from.
            new Spec(DIRECTORY, 1, true),
            new Spec(SESSIONS, 3, false),
            new Spec(NOTIFICATIONS_VOICE, 6, false),
            new Spec(NOTIFICATIONS_CHAT, 6, false),
            new Spec(NOTIFICATIONS_SMS, 6, false),
            new Spec(MONITORING_AUDIT, 3, false));

    private Topics() {
    }
}
