package io.opengws.common.outbox;

/**
 * An event of the outbox table (V1__outbox.sql): written with the state change that caused it, waiting to be
 * relayed to Kafka. {@code id} orders the events as they were written; null until the row is written.
 *
 * @param payload the JSON value, or null for a tombstone (a deleted directory entry)
 */
public record OutboxEvent(Long id, String eventId, String topic, String recordKey, String payload) {
}
