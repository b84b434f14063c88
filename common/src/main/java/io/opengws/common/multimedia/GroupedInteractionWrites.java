package io.opengws.common.multimedia;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.agroal.api.AgroalDataSource;
import io.opengws.common.interaction.Interaction;
import io.opengws.common.outbox.OutboxEvent;
import io.opengws.common.outbox.OutboxTable;
import io.opengws.common.work.GroupCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A remembered interaction written over the version its change started from, with the transcript entries written since
 * it was read and the change's outbox events: of a row that has moved on, nothing at all is written, and its request
 * decides its change again. Concurrent requests whose change comes to no more than that ({@link
 * InteractionWork#isWrittenInOneStatement}: a message, typing) are written together, one statement a batch that commits
 * itself ({@link GroupCommit}): at 1,000 chat messages a second the database was the largest consumer of CPU, much of it
 * around each statement rather than in it.
 */
@ApplicationScoped
public class GroupedInteractionWrites {

    /**
     * The rows, entries and events of the batch, each as arrays (one prepared statement for any number of them); entries
     * and events name their interaction, and are written only with its row. Events keep the order of the arrays, so
     * that their ids order them as they were added.
     */
    private static final String WRITE_BATCH = """
            WITH written AS (
                SELECT * FROM unnest(?::text[], ?::bigint[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[])
                    AS written(id, version, body, waiting_since, completed_at, updated_at)
            ), updated AS (
                UPDATE media_interaction AS interaction SET body = written.body, waiting_since = written.waiting_since,
                    completed_at = written.completed_at, updated_at = written.updated_at, version = interaction.version + 1
                FROM written WHERE interaction.id = written.id AND interaction.version = written.version
                RETURNING interaction.id
            ), outboxed AS (%s
            ), appended AS (
                INSERT INTO media_transcript_entry (interaction_id, idx, body)
                SELECT entry.interaction_id, entry.idx, entry.body FROM unnest(?::text[], ?::int[], ?::text[]) AS entry(interaction_id, idx, body)
                WHERE entry.interaction_id IN (SELECT id FROM updated)
            )
            SELECT id FROM updated""".formatted(OutboxTable.insertAllOfWritten("SELECT id FROM updated"));

    @Inject
    AgroalDataSource dataSource;

    private final GroupCommit<Write> groupCommit = new GroupCommit<>(write -> write.row.id, this::writeBatch);

    /**
     * Writes {@code row} as it is now, with the entries written since its interaction was read (when it had
     * {@code storedBefore} of them) and the change's outbox events, over the row's version, which it then counts up; in
     * a statement of its own that commits itself, shared with the writes of other requests made meanwhile. Call it
     * outside any transaction.
     *
     * @return whether the row was written; if not, it has moved on since it was remembered and nothing was written
     */
    public boolean write(MediaInteractionRow row, Interaction interaction, int storedBefore, List<OutboxEvent> events) {
        return counted(row, groupCommit.write(Write.of(row, interaction, storedBefore, events)));
    }

    /** {@link #write}, alone, in the current transaction (a change that writes more than this interaction). */
    public boolean writeAlone(MediaInteractionRow row, Interaction interaction, int storedBefore, List<OutboxEvent> events) {
        return counted(row, writeBatch(List.of(Write.of(row, interaction, storedBefore, events))).contains(row.id));
    }

    private static boolean counted(MediaInteractionRow row, boolean written) {
        if (written) {
            row.version++;
        }
        return written;
    }

    /**
     * A write as the statement takes it, prepared by the requesting thread: the entries are serialized there, not by
     * the thread that writes the batch while the next batch waits.
     */
    private record Write(MediaInteractionRow row, NewEntries entries, List<OutboxEvent> events) {

        static Write of(MediaInteractionRow row, Interaction interaction, int storedBefore, List<OutboxEvent> events) {
            return new Write(row, NewEntries.of(interaction, storedBefore), events);
        }
    }

    /** Writes the batch in one statement; answers the ids of the rows written. */
    private Set<String> writeBatch(List<Write> batch) {
        Columns rows = new Columns(6);
        List<String> owners = new ArrayList<>();
        List<OutboxEvent> events = new ArrayList<>();
        Columns entries = new Columns(3);
        for (Write write : batch) {
            MediaInteractionRow row = write.row;
            rows.add(row.id, row.version, row.body, text(row.waitingSince), text(row.completedAt), text(row.updatedAt));
            for (OutboxEvent event : write.events) {
                owners.add(row.id);
                events.add(event);
            }
            for (int i = 0; i < write.entries.size(); i++) {
                entries.add(row.id, write.entries.indexes()[i], write.entries.bodies()[i]);
            }
        }
        Set<String> updated = new HashSet<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(WRITE_BATCH)) {
            int next = rows.bind(statement, 1, "text", "bigint", "text", "text", "text", "text");
            next = OutboxTable.bindOwned(statement, next, owners, events);
            entries.bind(statement, next, "text", "integer", "text");
            try (ResultSet written = statement.executeQuery()) {
                while (written.next()) {
                    updated.add(written.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("A batch of " + batch.size() + " interactions could not be written: " + e.getMessage(), e);
        }
        return updated;
    }

    /** Timestamps go as ISO-8601 text, cast by the statement: the driver has no array of offset date-times. */
    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Values gathered a row at a time and bound a column at a time, each column an array parameter. */
    private static final class Columns {
        private final List<List<Object>> columns = new ArrayList<>();

        Columns(int count) {
            for (int i = 0; i < count; i++) {
                columns.add(new ArrayList<>());
            }
        }

        void add(Object... values) {
            for (int i = 0; i < values.length; i++) {
                columns.get(i).add(values[i]);
            }
        }

        /** Binds each column as an array of its type, from parameter {@code first} on; answers the next parameter. */
        int bind(PreparedStatement statement, int first, String... types) throws SQLException {
            Connection connection = statement.getConnection();
            for (int i = 0; i < types.length; i++) {
                statement.setArray(first + i, connection.createArrayOf(types[i], columns.get(i).toArray()));
            }
            return first + types.length;
        }
    }
}
