package io.opengws.voice.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.agroal.api.AgroalDataSource;
import io.opengws.common.outbox.OutboxEvent;
import io.opengws.common.outbox.OutboxTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Calls and their live-leg index in plain JDBC, on the path of every call operation: a call is read (and locked) by
 * one query and a change is written by one statement, the calls, their legs and the change's outbox events together.
 * Through Hibernate the same change cost a query for the leg rows, an UPDATE per call and per leg, and the outbox
 * INSERT: a round trip each, and a third of the voice service's CPU under load. Inside a transaction the data source
 * hands out the transaction's own connection, so Hibernate's queries of the same transaction see what this wrote.
 */
@ApplicationScoped
public class CallTable {

    private static final String BY_ID = "SELECT body FROM voice_call WHERE id = ?";
    private static final String BY_LEG = "SELECT body FROM voice_call WHERE id = (SELECT call_id FROM voice_leg WHERE id = ?)";
    /** Changes to one call follow one another: the row stays locked until the transaction ends. */
    private static final String FOR_UPDATE = " FOR UPDATE";

    /**
     * A change in one statement. Every array parameter may be empty. The legs' foreign key to their call is checked at
     * the end of the statement, when a call it writes is there. A leg is in at most one of the two leg arrays (a leg
     * that moved to another call is live there, not released).
     */
    private static final String WRITE = """
            WITH written AS (
                INSERT INTO voice_call (id, contact_center_id, queued_at, body, updated_at)
                SELECT call.id, call.cc, call.queued::timestamptz, call.body, call.updated::timestamptz
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS call(id, cc, queued, body, updated)
                ON CONFLICT (id) DO UPDATE SET queued_at = EXCLUDED.queued_at, body = EXCLUDED.body, updated_at = EXCLUDED.updated_at,
                    version = voice_call.version + 1
                RETURNING id, version
            ), ended AS (
                DELETE FROM voice_call WHERE id = ANY (?::text[])
            ), released AS (
                DELETE FROM voice_leg WHERE id = ANY (?::text[])
            ), live AS (
                INSERT INTO voice_leg (id, call_id, device_id, state)
                SELECT leg.id, leg.call_id, leg.device_id, leg.state
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS leg(id, call_id, device_id, state)
                ON CONFLICT (id) DO UPDATE SET call_id = EXCLUDED.call_id, state = EXCLUDED.state
            ), idled AS (
                UPDATE device SET idle_since = ?::timestamptz WHERE id = ANY (?::text[])
            ), outboxed AS (%s
            )
            SELECT id, version FROM written""".formatted(OutboxTable.INSERT_ALL);

    /**
     * Calls as changes found them in memory, each written only over the version it started from, with its legs' states
     * and its change's outbox events, all or nothing: if its row has moved on, nothing of it is written. No one joined or
     * left a call (the caller made sure), so its legs are only updated. One statement for several calls (a group
     * commit); the events name their call and are written only with it.
     */
    private static final String WRITE_OVER_VERSIONS = """
            WITH written AS (
                SELECT * FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[]) AS written(id, version, queued_at, body, updated_at)
            ), updated AS (
                UPDATE voice_call SET queued_at = written.queued_at::timestamptz, body = written.body,
                    updated_at = written.updated_at::timestamptz, version = voice_call.version + 1
                FROM written WHERE voice_call.id = written.id AND voice_call.version = written.version
                RETURNING voice_call.id
            ), legs AS (
                UPDATE voice_leg SET state = leg.state
                FROM unnest(?::text[], ?::text[], ?::text[]) AS leg(call_id, id, state)
                WHERE voice_leg.id = leg.id AND leg.call_id IN (SELECT id FROM updated)
            ), outboxed AS (%s
            )
            SELECT id FROM updated""".formatted(OutboxTable.insertAllOfWritten("SELECT id FROM updated"));

    /** A call as it is to be stored: its document and its place in the queue (ISO-8601 instants, or null). */
    public record StoredCall(String id, String contactCenterId, String queuedAt, String body, String updatedAt) {
    }

    /** A live leg as it is to be stored. */
    public record StoredLeg(String id, String callId, String deviceId, String state) {
    }

    /** A call found in memory at {@code version}, to be written over it with its legs' states and a change's events. */
    public record WriteOverVersion(StoredCall call, long version, List<StoredLeg> legs, List<OutboxEvent> events) {
    }

    /** What one change writes; the devices whose legs it released are idle from {@code idleSince} (ISO-8601). */
    public record Change(List<StoredCall> calls, List<String> endedCallIds, List<String> releasedLegIds, List<StoredLeg> liveLegs,
            List<String> idleDeviceIds, String idleSince, List<OutboxEvent> events) {

        public boolean isEmpty() {
            return calls.isEmpty() && endedCallIds.isEmpty() && releasedLegIds.isEmpty() && liveLegs.isEmpty() && idleDeviceIds.isEmpty()
                    && events.isEmpty();
        }
    }

    @Inject
    AgroalDataSource dataSource;

    /** The document of a call, as committed (or as this transaction wrote it). */
    public Optional<String> byId(String id, boolean lock) {
        return body(lock ? BY_ID + FOR_UPDATE : BY_ID, id);
    }

    /**
     * The document of the call a leg is on, in one query. Locked, the leg may have moved to another call before the
     * lock was granted (a transfer that held both): the caller checks the call still has it.
     */
    public Optional<String> byLeg(String legId, boolean lock) {
        return body(lock ? BY_LEG + FOR_UPDATE : BY_LEG, legId);
    }

    private Optional<String> body(String sql, String key) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The call of " + key + " could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the change in one round trip; a change with nothing to write sends nothing.
     *
     * @return the version each written call has now, by id
     */
    public Map<String, Long> write(Change change) {
        Map<String, Long> versions = new HashMap<>();
        if (change.isEmpty()) {
            return versions;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement write = connection.prepareStatement(WRITE)) {
            int next = 1;
            List<StoredCall> calls = change.calls();
            next = texts(write, next, calls.stream().map(StoredCall::id).toList());
            next = texts(write, next, calls.stream().map(StoredCall::contactCenterId).toList());
            next = texts(write, next, calls.stream().map(StoredCall::queuedAt).toList());
            next = texts(write, next, calls.stream().map(StoredCall::body).toList());
            next = texts(write, next, calls.stream().map(StoredCall::updatedAt).toList());
            next = texts(write, next, change.endedCallIds());
            next = texts(write, next, change.releasedLegIds());
            List<StoredLeg> legs = change.liveLegs();
            next = texts(write, next, legs.stream().map(StoredLeg::id).toList());
            next = texts(write, next, legs.stream().map(StoredLeg::callId).toList());
            next = texts(write, next, legs.stream().map(StoredLeg::deviceId).toList());
            next = texts(write, next, legs.stream().map(StoredLeg::state).toList());
            write.setString(next++, change.idleSince());
            next = texts(write, next, change.idleDeviceIds());
            OutboxTable.bind(write, next, change.events());
            try (ResultSet written = write.executeQuery()) {
                while (written.next()) {
                    versions.put(written.getString(1), written.getLong(2));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException("Calls could not be written: " + e.getMessage(), e);
        }
    }

    /**
     * Writes each call, its legs' states and its events if its row is still at the version given, in one statement
     * for all of them; each call's version is then one more.
     *
     * @return the ids of the calls written (of the others, the row had moved on or is gone, and nothing was written)
     */
    public Set<String> writeOverVersions(List<WriteOverVersion> writes) {
        List<String> legCalls = new ArrayList<>();
        List<StoredLeg> legs = new ArrayList<>();
        List<String> eventCalls = new ArrayList<>();
        List<OutboxEvent> events = new ArrayList<>();
        for (WriteOverVersion write : writes) {
            for (StoredLeg leg : write.legs()) {
                legCalls.add(write.call().id());
                legs.add(leg);
            }
            for (OutboxEvent event : write.events()) {
                eventCalls.add(write.call().id());
                events.add(event);
            }
        }
        Set<String> updated = new HashSet<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement write = connection.prepareStatement(WRITE_OVER_VERSIONS)) {
            List<StoredCall> calls = writes.stream().map(WriteOverVersion::call).toList();
            int next = texts(write, 1, calls.stream().map(StoredCall::id).toList());
            write.setArray(next++, connection.createArrayOf("bigint", writes.stream().map(WriteOverVersion::version).toArray()));
            next = texts(write, next, calls.stream().map(StoredCall::queuedAt).toList());
            next = texts(write, next, calls.stream().map(StoredCall::body).toList());
            next = texts(write, next, calls.stream().map(StoredCall::updatedAt).toList());
            next = texts(write, next, legCalls);
            next = texts(write, next, legs.stream().map(StoredLeg::id).toList());
            next = texts(write, next, legs.stream().map(StoredLeg::state).toList());
            OutboxTable.bindOwned(write, next, eventCalls, events);
            try (ResultSet written = write.executeQuery()) {
                while (written.next()) {
                    updated.add(written.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("A batch of " + writes.size() + " calls could not be written: " + e.getMessage(), e);
        }
        return updated;
    }

    private static int texts(PreparedStatement statement, int index, List<String> values) throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf("text", values.toArray(String[]::new)));
        return index + 1;
    }
}
