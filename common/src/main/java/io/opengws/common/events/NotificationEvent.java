package io.opengws.common.events;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One message for one recipient, on {@code gws.notifications.voice|chat|sms} keyed by {@code userId}.
 * {@code channel} is the Bayeux channel it is delivered on (e.g. {@code /v2/me/calls}); {@code data} is
 * the exact GWS message, already filtered for what this recipient may see. {@code activatesChannel} names the
 * channel ({@code voice}, {@code chat}, {@code smssession}) whose activation after StartContactCenterSession
 * this message confirms (decision 13), on that one message only.
 */
@RegisterForReflection
public record NotificationEvent(
        String eventId,
        String contactCenterId,
        String userId,
        String channel,
        ObjectNode data,
        Instant occurredAt,
        String activatesChannel) {

    public NotificationEvent(String eventId, String contactCenterId, String userId, String channel, ObjectNode data, Instant occurredAt) {
        this(eventId, contactCenterId, userId, channel, data, occurredAt, null);
    }
}
