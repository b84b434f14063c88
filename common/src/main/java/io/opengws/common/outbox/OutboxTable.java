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
 * a batch insert per transaction and a delete by id array cost a fraction of what entity persistence does.
 * Inside a transaction the data source hands out the transaction's own connection.
 */
@ApplicationScoped
public class OutboxTable {

    private static final String INSERT = "INSERT INTO outbox_event (event_id, topic, record_key, payload) VALUES (?, ?, ?, ?)";
    private static final String OLDEST = "SELECT id, event_id, topic, record_key, payload FROM outbox_event ORDER BY id LIMIT ?";
    private static final String DELETE = "DELETE FROM outbox_event WHERE id = ANY (?)";

    @Inject
    AgroalDataSource dataSource;

    /** Writes the events in their order, in one round trip. */
    public void insert(List<OutboxEvent> events) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (OutboxEvent event : events) {
                insert.setString(1, event.eventId());
                insert.setString(2, event.topic());
                insert.setString(3, event.recordKey());
                insert.setString(4, event.payload());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox could not be written: " + e.getMessage(), e);
        }
    }

    /** The oldest unsent events first: relayed in the order they were written. */
    public List<OutboxEvent> oldest(int limit) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(OLDEST)) {
            select.setInt(1, limit);
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
