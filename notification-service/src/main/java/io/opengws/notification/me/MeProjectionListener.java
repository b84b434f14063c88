package io.opengws.notification.me;

import java.time.Instant;
import java.util.List;

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
 * group is shared by all replicas of this service, and it survives restarts in the database.
 */
@ApplicationScoped
public class MeProjectionListener {

    public static final String CHANNEL = "notifications-projection";

    @Inject
    MeResourceRepository resources;

    @Incoming(CHANNEL)
    @Blocking
    public void onNotification(String value) {
        NotificationEvent event;
        try {
            event = EventJson.read(value, NotificationEvent.class);
        } catch (RuntimeException malformed) {
            Log.warnf("Skipped a notification that cannot be read: %s", malformed.getMessage());
            return;
        }
        if (event.userId() == null || event.data() == null) {
            return;
        }
        List<MeProjection.Change> changes = MeProjection.changes(event.data());
        if (changes.isEmpty()) {
            return; // most notifications (transcripts, errors) change no resource: no transaction for them
        }
        Instant at = event.occurredAt() == null ? Instant.now() : event.occurredAt();
        QuarkusTransaction.requiringNew().run(() -> changes.forEach(change -> resources.apply(event.userId(), change, at)));
    }
}
