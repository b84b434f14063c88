package io.opengws.common.multimedia;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.agroal.api.AgroalDataSource;
import io.opengws.common.events.EventJson;
import io.opengws.common.interaction.Interaction;
import io.opengws.common.interaction.TranscriptEntry;
import io.opengws.common.outbox.OutboxEvent;
import io.opengws.common.outbox.OutboxTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The transcript entries of interactions, a row each (V101__transcript_entries.sql). An interaction is read without
 * them; a change appends the entries it wrote (with the interaction's own row and the change's outbox events, when the
 * row is already stored), and only a reader of the whole transcript reads the earlier ones.
 */
@ApplicationScoped
public class TranscriptRepository {

    private static final String INSERT = "INSERT INTO media_transcript_entry (interaction_id, idx, body) VALUES (?, ?, ?)";
    /**
     * An interaction read and locked by this transaction, the entries written since it was read and the change's outbox
     * events, in one statement: a message is two round trips to the database fewer than an UPDATE flushed by Hibernate,
     * an INSERT of its entry and one of its events (each round trip costs both processes a context switch; the chat
     * bench spent a fifth of the chat service's CPU writing to the database's socket). Entries and events go in as
     * arrays, so one prepared statement fits any number of them. The row is written only over the version the change
     * started from, and counts it up; answers how many rows it wrote. The entries and events are written in any case: a
     * row persisted in this transaction and not flushed yet is not there to update (Hibernate inserts it). A row
     * remembered, not locked, is written by {@link GroupedInteractionWrites}.
     */
    private static final String UPDATE_WITH_ENTRIES = """
            WITH updated AS (
                UPDATE media_interaction SET body = ?, waiting_since = ?, completed_at = ?, updated_at = ?, version = version + 1
                WHERE id = ? AND version = ? RETURNING id
            ), outboxed AS (%s
            ), appended AS (
                INSERT INTO media_transcript_entry (interaction_id, idx, body)
                SELECT ?, entry.idx, entry.body FROM unnest(?::int[], ?::text[]) AS entry(idx, body))
            SELECT count(*) FROM updated""".formatted(OutboxTable.INSERT_ALL);

    private static final String EARLIER = "SELECT body FROM media_transcript_entry WHERE interaction_id = ? AND idx < ? ORDER BY idx";

    @Inject
    AgroalDataSource dataSource;

    /**
     * Stores the entries written since the interaction was read, when it had {@code storedBefore} of them, in one
     * batch. Plain JDBC (here as in reading), on the transaction's connection: a native query would flush the
     * persistence context first, at every message. The foreign key to the interaction is checked at commit, after
     * its row is flushed.
     */
    public void append(Interaction interaction, int storedBefore) {
        if (interaction.transcriptSize == storedBefore) {
            return; // a change that wrote no entry (an accept, user data): no statement at all
        }
        NewEntries entries = NewEntries.of(interaction, storedBefore);
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < entries.size(); i++) {
                insert.setString(1, interaction.id);
                insert.setInt(2, entries.indexes()[i]);
                insert.setString(3, entries.bodies()[i]);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("The transcript of " + interaction.id + " could not be written: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code row}, read and locked by this transaction, as it is now (its interaction's body and dates) with the
     * entries written since the interaction was read, when it had {@code storedBefore} of them, and the outbox events of
     * the change, over the row's {@link MediaInteractionRow#version}, which it then counts up. The entries and events are
     * written even when the row is not there to update (persisted in this transaction, not flushed yet: Hibernate
     * inserts it).
     *
     * @return whether the row was written
     */
    public boolean updateWithEntries(MediaInteractionRow row, Interaction interaction, int storedBefore, List<OutboxEvent> events) {
        NewEntries entries = NewEntries.of(interaction, storedBefore);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(UPDATE_WITH_ENTRIES)) {
            update.setString(1, row.body);
            update.setObject(2, timestamp(row.waitingSince), Types.TIMESTAMP_WITH_TIMEZONE);
            update.setObject(3, timestamp(row.completedAt), Types.TIMESTAMP_WITH_TIMEZONE);
            update.setObject(4, timestamp(row.updatedAt), Types.TIMESTAMP_WITH_TIMEZONE);
            update.setString(5, row.id);
            update.setLong(6, row.version);
            int next = OutboxTable.bind(update, 7, events);
            update.setString(next, interaction.id);
            update.setArray(next + 1, connection.createArrayOf("integer", entries.indexes()));
            update.setArray(next + 2, connection.createArrayOf("text", entries.bodies()));
            try (ResultSet written = update.executeQuery()) {
                written.next();
                if (written.getInt(1) == 0) {
                    return false;
                }
            }
            row.version++;
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("The interaction " + interaction.id + " could not be written: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Reads the entries the interaction does not have at hand, so that it has its whole transcript. */
    public Interaction withWholeTranscript(Interaction interaction) {
        if (interaction.hasWholeTranscript()) {
            return interaction;
        }
        List<TranscriptEntry> earlier = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(EARLIER)) {
            select.setString(1, interaction.id);
            select.setInt(2, interaction.firstEntryAtHand());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    earlier.add(EventJson.read(rows.getString(1), TranscriptEntry.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The transcript of " + interaction.id + " could not be read: " + e.getMessage(), e);
        }
        interaction.prependTranscript(earlier);
        if (!interaction.hasWholeTranscript()) {
            throw new IllegalStateException("The transcript of " + interaction.id + " has " + interaction.transcript.size() + " of its "
                    + interaction.transcriptSize + " entries in storage");
        }
        return interaction;
    }
}
