package io.opengws.common.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The outbox table in plain JDBC. The outbox is on the path of every state change and every notification:
 * one insert per transaction and a delete by id array cost a fraction of what entity persistence does.
 * Inside a transaction the data source hands out the transaction's own connection.
 */
@ApplicationScoped
public class OutboxTable {

    /**
     * Inserts events given as four arrays (ids, topics, keys, payloads) in the order of the arrays, so that their ids
     * order them as they were added. One prepared statement for any number of events; another statement of the same
     * transaction may embed it as a common table expression ({@link #bind} fills its parameters).
     */
    public static final String INSERT_ALL = """
            INSERT INTO outbox_event (event_id, topic, record_key, payload)
            SELECT event.event_id, event.topic, event.record_key, event.payload
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS event(event_id, topic, record_key, payload, position)
            ORDER BY event.position""";

    /**
     * {@link #INSERT_ALL} for the events of several rows written by one statement (a group commit): a fifth array, the
     * first, names the row each event belongs to, and only the events of the rows {@code writtenIds} selects (the
     * statement's own writes that took place) are inserted. {@link #bindOwned} fills its parameters.
     */
    public static String insertAllOfWritten(String writtenIds) {
        return """
                INSERT INTO outbox_event (event_id, topic, record_key, payload)
                SELECT event.event_id, event.topic, event.record_key, event.payload
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                    AS event(owner_id, event_id, topic, record_key, payload, position)
                WHERE event.owner_id IN (%s)
                ORDER BY event.position""".formatted(writtenIds);
    }

    /**
     * Deletes what the relay sent last and reads the oldest events from an id on, in one round trip: a relay run is one
     * statement, not a read and a delete (at 1,000 chat messages a second, about a fifth of the database's statements
     * were the relay's). The read sees the table as it was before the delete, so it leaves the deleted ids out itself.
     */
    private static final String DELETE_SENT_READ_OLDEST = """
            WITH sent AS (DELETE FROM outbox_event WHERE id = ANY (?))
            SELECT id, event_id, topic, record_key, payload FROM outbox_event
            WHERE id >= ? AND id <> ALL (?) ORDER BY id LIMIT ?""";

    @Inject
    AgroalDataSource dataSource;

    /** Writes the events in their order, in one round trip. */
    public void insert(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
            bind(insert, 1, events);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox could not be written: " + e.getMessage(), e);
        }
    }

    /**
     * Gives the events to the four parameters of {@link #INSERT_ALL}, from parameter {@code first} on.
     *
     * @return the index of the statement's next parameter
     */
    public static int bind(PreparedStatement statement, int first, List<OutboxEvent> events) throws SQLException {
        int size = events.size();
        String[] ids = new String[size];
        String[] topics = new String[size];
        String[] keys = new String[size];
        String[] payloads = new String[size];
        for (int i = 0; i < size; i++) {
            OutboxEvent event = events.get(i);
            ids[i] = event.eventId();
            topics[i] = event.topic();
            keys[i] = event.recordKey();
            payloads[i] = event.payload();
        }
        Connection connection = statement.getConnection();
        statement.setArray(first, connection.createArrayOf("text", ids));
        statement.setArray(first + 1, connection.createArrayOf("text", topics));
        statement.setArray(first + 2, connection.createArrayOf("text", keys));
        statement.setArray(first + 3, connection.createArrayOf("text", payloads));
        return first + 4;
    }

    /**
     * Gives the events and the rows they belong to, {@code owners} (one an event, in the same order), to the five
     * parameters of {@link #insertAllOfWritten}, from parameter {@code first} on.
     *
     * @return the index of the statement's next parameter
     */
    public static int bindOwned(PreparedStatement statement, int first, List<String> owners, List<OutboxEvent> events) throws SQLException {
        if (owners.size() != events.size()) {
            throw new IllegalArgumentException(owners.size() + " owners for " + events.size() + " events");
        }
        statement.setArray(first, statement.getConnection().createArrayOf("text", owners.toArray(String[]::new)));
        return bind(statement, first + 1, events);
    }

    /**
     * Deletes the events {@code sentIds} (the relay sent them, and the broker acknowledged them) and answers the oldest
     * of the others from id {@code fromId} on, first: relayed in the order they were written. Nothing is deleted if the
     * read fails.
     */
    public List<OutboxEvent> deleteSentAndReadOldest(List<Long> sentIds, long fromId, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(DELETE_SENT_READ_OLDEST)) {
            Array sent = connection.createArrayOf("bigint", sentIds.toArray());
            statement.setArray(1, sent);
            statement.setLong(2, fromId);
            statement.setArray(3, sent);
            statement.setInt(4, limit);
            List<OutboxEvent> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new OutboxEvent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox could not be read: " + e.getMessage(), e);
        }
    }
}
