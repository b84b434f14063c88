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
    public static final String INSERT_ALL = insertAllWhere("TRUE");

    /**
     * {@link #INSERT_ALL}, inserting nothing unless {@code condition} holds: a statement that embeds it writes the events
     * only if its own write took place.
     */
    public static String insertAllWhere(String condition) {
        return """
                INSERT INTO outbox_event (event_id, topic, record_key, payload)
                SELECT event.event_id, event.topic, event.record_key, event.payload
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS event(event_id, topic, record_key, payload, position)
                WHERE %s
                ORDER BY event.position""".formatted(condition);
    }
    private static final String OLDEST = "SELECT id, event_id, topic, record_key, payload FROM outbox_event WHERE id >= ? ORDER BY id LIMIT ?";
    private static final String DELETE = "DELETE FROM outbox_event WHERE id = ANY (?)";

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

    /** The oldest unsent events from id {@code fromId} on, first: relayed in the order they were written. */
    public List<OutboxEvent> oldest(long fromId, int limit) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(OLDEST)) {
            select.setLong(1, fromId);
            select.setInt(2, limit);
            List<OutboxEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new OutboxEvent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox could not be read: " + e.getMessage(), e);
        }
    }

    public void deleteSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(DELETE)) {
            Array idArray = connection.createArrayOf("bigint", ids.toArray());
            delete.setArray(1, idArray);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Sent events could not be removed from the outbox: " + e.getMessage(), e);
        }
    }
}
