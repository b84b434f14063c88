package io.opengws.notification.me;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.opengws.common.events.EventJson;
import io.opengws.common.events.NotificationEvent;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps the {@code /api/v2/me} projection from the three notification topics. Unlike delivery (each
 * replica reads everything for its own CometD sessions), the projection is written once: its consumer
 * group is shared by all replicas of this service, and it survives restarts in the database. Records come
 * in batches (as Kafka polls them): only the last state of each resource in a batch is written, in one
 * transaction. A notification whose type changes no resource (most of them: a chat's new messages) is not read past its
 * type.
 */
@ApplicationScoped
public class MeProjectionListener {

    public static final String CHANNEL = "notifications-projection";

    @Inject
    MeResourceRepository resources;

    @Incoming(CHANNEL)
    @Blocking
    public void onNotifications(List<String> values) {
        Map<MeResourceRow.Key, MeResourceRepository.Latest> latest = new LinkedHashMap<>();
        for (String value : values) {
            String messageType = MessageTypePeek.messageType(value);
            if (messageType != null && !MeProjection.mayChange(messageType)) {
                continue; // new messages, typing, errors: read no further
            }
            NotificationEvent event;
            try {
                event = EventJson.read(value, NotificationEvent.class);
            } catch (RuntimeException malformed) {
                Log.warnf("Skipped a notification that cannot be read: %s", malformed.getMessage());
                continue;
            }
            if (event.userId() == null || event.data() == null) {
                continue;
            }
            Instant at = event.occurredAt() == null ? Instant.now() : event.occurredAt();
            for (MeProjection.Change change : MeProjection.changes(event.data())) {
                MeResourceRepository.Latest state = new MeResourceRepository.Latest(event.userId(), change, at);
                latest.put(state.key(), state);
            }
        }
        if (!latest.isEmpty()) {
            // Most notifications (transcripts, errors) change no resource: no transaction for a batch of them.
            QuarkusTransaction.requiringNew().run(() -> resources.applyAll(latest.values()));
        }
    }
}
