package io.opengws.notification.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the last {@code capacity} events delivered, to drop one that Kafka hands over again (producers
 * relay their outbox at least once). Bounded: the oldest id is forgotten first. Shared by the consumers of
 * the three notification topics.
 */
public final class RecentEventIds {

    private final Map<String, Boolean> ids;

    public RecentEventIds(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an id is seen (within the memory), false for a repeat. */
    public synchronized boolean firstSighting(String eventId) {
        return ids.putIfAbsent(eventId, Boolean.TRUE) == null;
    }
}
