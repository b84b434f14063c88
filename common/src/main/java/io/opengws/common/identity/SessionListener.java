package io.opengws.common.identity;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.opengws.common.events.EventJson;
import io.opengws.common.events.SessionEvent;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Reads {@code gws.sessions}: an ended session's cookies are refused from then on, and the event is passed
 * on as a CDI event ({@code @Observes SessionEvent}) to whatever in this service reacts to sessions.
 */
@ApplicationScoped
public class SessionListener {

    public static final String CHANNEL = "gws-sessions";

    @Inject
    SessionRevocations revocations;

    @Inject
    Event<SessionEvent> sessions;

    /** Blocking: observers in the services write their databases. */
    @Incoming(CHANNEL)
    @io.smallrye.reactive.messaging.annotations.Blocking
    public void onEvent(String value) {
        SessionEvent event;
        try {
            event = EventJson.read(value, SessionEvent.class);
        } catch (RuntimeException malformed) {
            Log.warnf("Skipped a session event that cannot be read: %s", malformed.getMessage());
            return;
        }
        if (event instanceof SessionEvent.SessionEnded ended) {
            revocations.ended(ended.userId(), ended.at());
        }
        try {
            sessions.fire(event);
        } catch (RuntimeException failed) {
            // One failing reaction must not stop this consumer: every later session event still matters.
            Log.errorf(failed, "Reacting to %s of user %s failed", event.getClass().getSimpleName(), event.userId());
        }
    }
}
