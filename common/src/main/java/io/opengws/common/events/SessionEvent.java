package io.opengws.common.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A contact-center session starting or ending, on {@code gws.sessions} keyed by user id. The {@code type}
 * field names the kind, so a consumer reads both from one topic.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SessionEvent.SessionStarted.class, name = "SessionStarted"),
        @JsonSubTypes.Type(value = SessionEvent.SessionEnded.class, name = "SessionEnded")
})
public sealed interface SessionEvent {

    String eventId();

    String userId();

    String sessionId();

    Instant at();

    @RegisterForReflection
    record SessionStarted(String eventId, String userId, String contactCenterId, String sessionId,
            List<String> channels, Instant at) implements SessionEvent {
    }

    @RegisterForReflection
    record SessionEnded(String eventId, String userId, String contactCenterId, String sessionId,
            EndReason reason, Instant at) implements SessionEvent {
    }

    enum EndReason {
        logout, expired
    }
}
