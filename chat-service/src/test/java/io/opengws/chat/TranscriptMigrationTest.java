package io.opengws.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import io.opengws.common.events.EventJson;
import io.opengws.common.interaction.Audience;
import io.opengws.common.interaction.ChannelNaming;
import io.opengws.common.interaction.EntryType;
import io.opengws.common.interaction.Interaction;
import io.opengws.common.interaction.InteractionOperation;
import io.opengws.common.interaction.Participant;
import io.opengws.common.interaction.SupervisorMode;
import io.opengws.common.interaction.TranscriptEntry;
import io.opengws.common.interaction.VisibilityPolicy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * V101 moves the transcript of interactions stored before it out of their body, an entry a row, numbered as the
 * engine numbers it: run on an interaction stored the old way (in a schema of its own, on the real PostgreSQL),
 * every reader reads afterwards exactly what it read before.
 */
@QuarkusTest
class TranscriptMigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aTranscriptStoredInTheBodyMovesToRowsAndReadsTheSameForEveryReader() throws Exception {
        Interaction before = conversationWithACoach();
        String schema = "v101_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE SCHEMA " + schema);
            sql.execute("SET search_path TO " + schema);
            sql.execute(resource("db/multimedia/V100__multimedia.sql"));
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO media_interaction (id, contact_center_id, customer_key, body, "
                    + "updated_at) VALUES (?, 'cc1', 'key', ?, now())")) {
                insert.setString(1, before.id);
                insert.setString(2, storedTheOldWay(before));
                insert.executeUpdate();
            }

            sql.execute(resource("db/multimedia/V101__transcript_entries.sql"));

            Interaction after;
            try (ResultSet row = sql.executeQuery("SELECT body FROM media_interaction")) {
                row.next();
                after = EventJson.read(row.getString(1), Interaction.class);
            }
            List<TranscriptEntry> entries = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT body FROM media_transcript_entry ORDER BY idx")) {
                while (rows.next()) {
                    entries.add(EventJson.read(rows.getString(1), TranscriptEntry.class));
                }
            }
            after.prependTranscript(entries);

            assertTrue(after.hasWholeTranscript());
            assertEquals(List.of(before.transcriptSize, before.agentEntries, before.customerEntries),
                    List.of(after.transcriptSize, after.agentEntries, after.customerEntries));
            for (Audience reader : Audience.values()) {
                assertEquals(EventJson.write(VisibilityPolicy.transcriptFor(before, reader)), EventJson.write(VisibilityPolicy.transcriptFor(after, reader)),
                        reader.name());
            }
            sql.execute("SET search_path TO public");
            sql.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /** A customer, an agent and a coaching supervisor; messages of all three, some hidden from the customer. */
    private static Interaction conversationWithACoach() {
        Instant t0 = Instant.parse("2026-11-22T08:00:00Z");
        Interaction interaction = Interaction.start("V101TEST00000001", "cc1", ChannelNaming.CHAT, "Carl", Map.of(), t0);
        Participant agent = interaction.offer("agent", "Ann", t0.plusSeconds(1));
        interaction.accept(agent, "Ann", t0.plusSeconds(2));
        interaction.customerWrites(EntryType.Text, "hello", t0.plusSeconds(3));
        Participant coach = interaction.supervisorJoins("sup", "Sue", SupervisorMode.Coach, "agent", t0.plusSeconds(4));
        interaction.write(coach, InteractionOperation.SendToAgents, "ask for the order number", t0.plusSeconds(5));
        interaction.write(agent, InteractionOperation.SendMessage, "your order number?", t0.plusSeconds(6));
        interaction.write(agent, InteractionOperation.SendToAgents, "on it", t0.plusSeconds(7));
        interaction.customerWrites(EntryType.Text, "42", t0.plusSeconds(8));
        return interaction;
    }

    /** The body as it was stored before V101: the transcript inside it, entries without their own numbering. */
    private static String storedTheOldWay(Interaction interaction) {
        ObjectNode body = EventJson.mapper().valueToTree(interaction);
        body.remove(List.of("transcriptSize", "agentEntries", "customerEntries"));
        ArrayNode transcript = body.putArray("transcript");
        for (TranscriptEntry entry : interaction.transcript) {
            ObjectNode old = EventJson.mapper().valueToTree(entry);
            old.remove(List.of("agentIndex", "customerIndex"));
            transcript.add(old);
        }
        return body.toString();
    }

    private static String resource(String path) throws Exception {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
