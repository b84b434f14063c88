package io.opengws.chat;

import static io.opengws.chat.ChatDesk.isMessageLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.opengws.common.multimedia.InteractionCache;
import io.opengws.local.testing.TestDirectory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * An agent's operation starts from the chat as this service last committed it ({@link InteractionCache}), not from its
 * row: what another replica wrote since, or a change of this service that committed first, must never be overwritten,
 * and the operation must still be done, once (the real PostgreSQL and Kafka).
 */
@QuarkusTest
class RememberedInteractionsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMessageAfterAnotherReplicaChangedTheChatKeepsThatChangeAndIsWrittenOnce() throws SQLException {
        ChatDesk desk = new ChatDesk(ChatDesk.inbox());
        String agent = desk.readyAgent("Alice");
        String chatId = chatAcceptedBy(desk, agent);
        desk.operate(agent, chatId, Map.of("operationName", "SendMessage", "text", "first")); // remembered from here on
        long before = version(chatId);

        // Another replica attaches user data: a write of the row this service never saw.
        execute("UPDATE media_interaction SET body = jsonb_set(body::jsonb, '{userData,attachedBy}', '\"the other replica\"')::text, "
                + "version = version + 1 WHERE id = ?", chatId);

        int since = desk.mark();
        desk.operate(agent, chatId, Map.of("operationName", "SendMessage", "text", "second"));

        desk.await(agent, since, "the second message", data -> isMessageLog(data) && data.toString().contains("second"));
        assertEquals("the other replica", TestDirectory.as(agent).get("/api/v2/me/chats/" + chatId).then().statusCode(200)
                .extract().path("chat.userData.attachedBy"), "the message was written over what the other replica committed");
        assertEquals(before + 2, version(chatId), "one write by the other replica, one by the message");
        assertEquals(List.of("first", "second"), texts(chatId), "each message stored once, in order");
    }

    @Test
    void anOperationRefusedOnTheRememberedChatIsDecidedAgainFromItsRow() throws SQLException {
        ChatDesk desk = new ChatDesk(ChatDesk.inbox());
        String alice = desk.readyAgent("Alice");
        String bob = desk.chatUser("Bob", "ROLE_AGENT");
        String chatId = chatAcceptedBy(desk, alice);
        desk.operate(alice, chatId, Map.of("operationName", "SendMessage", "text", "first")); // remembered from here on

        // Another replica brings Bob in: in this service's copy he is not in the chat; in the row he is, chatting.
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement("""
                UPDATE media_interaction SET version = version + 1, body = jsonb_set(body::jsonb, '{participants}',
                    (body::jsonb -> 'participants') || jsonb_build_array(
                        (SELECT p FROM jsonb_array_elements(body::jsonb -> 'participants') p WHERE p ->> 'userId' = ?)
                        || jsonb_build_object('userId', ?, 'participantId', 'bob-1', 'nickname', 'Bob')))::text
                WHERE id = ?""")) {
            update.setString(1, alice);
            update.setString(2, bob);
            update.setString(3, chatId);
            assertEquals(1, update.executeUpdate());
        }

        desk.operate(bob, chatId, Map.of("operationName", "SendMessage", "text", "bob here"));

        assertEquals(List.of("first", "bob here"), texts(chatId), "refused on the copy, done from the row");
    }

    @Test
    void messagesWrittenAtOnceByTheAgentAndItsCoachAreAllKept() throws SQLException {
        ChatDesk desk = new ChatDesk(ChatDesk.inbox());
        String agent = desk.readyAgent("Alice");
        String coach = desk.supervisor("Cora");
        desk.configure(coach, agent, "Coach", "AllChats", "Coach Cora");
        String chatId = chatAcceptedBy(desk, agent);
        desk.operate(agent, chatId, Map.of("operationName", "SendMessage", "text", "hello"));

        // Both start from the same remembered copy: of two writes over one version, the second is done again.
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (String[] writer : new String[][] { { agent, "SendMessage", "agent" }, { coach, "SendToAgents", "coach" } }) {
            writers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 5; i++) {
                    desk.operate(writer[0], chatId, Map.of("operationName", writer[1], "text", writer[2] + "-" + i));
                }
            }));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();

        List<String> texts = texts(chatId);
        assertEquals(11, texts.size(), texts.toString());
        for (int i = 0; i < 5; i++) {
            assertEquals(1, texts.stream().filter(("agent-" + i)::equals).count(), texts.toString());
            assertEquals(1, texts.stream().filter(("coach-" + i)::equals).count(), texts.toString());
        }
        assertTrue(texts.indexOf("agent-0") < texts.indexOf("agent-4") && texts.indexOf("coach-0") < texts.indexOf("coach-4"),
                "each writer's messages in the order it wrote them: " + texts);
    }

    @Test
    void messagesSentAtOnceInSeveralChatsAreWrittenTogetherEachOnceWithItsNotification() throws Exception {
        ChatDesk desk = new ChatDesk(ChatDesk.inbox());
        String agent = desk.readyAgent("Alice");
        List<String> chats = List.of(chatAcceptedBy(desk, agent), chatAcceptedBy(desk, agent), chatAcceptedBy(desk, agent));
        for (String chatId : chats) {
            desk.operate(agent, chatId, Map.of("operationName", "SendMessage", "text", "first")); // remembered from here on
        }
        long[] before = { version(chats.get(0)), version(chats.get(1)), version(chats.get(2)) };
        int since = desk.mark();

        List<CompletableFuture<Void>> messages = new ArrayList<>();
        try (Connection holder = dataSource.getConnection()) {
            // The first message's batch waits on this lock, so that the other messages meet in the next batch: those of the
            // other chats are written there, and the third of the first chat, found at the version the second moves on, is
            // refused there and done again alone.
            holder.setAutoCommit(false);
            execute(holder, "SELECT id FROM media_interaction WHERE id = ? FOR UPDATE", chats.get(0));
            messages.add(send(desk, agent, chats.get(0), "second"));
            Thread.sleep(300);
            messages.add(send(desk, agent, chats.get(1), "second"));
            messages.add(send(desk, agent, chats.get(2), "second"));
            messages.add(send(desk, agent, chats.get(0), "third"));
            Thread.sleep(300);
            holder.commit();
        }
        CompletableFuture.allOf(messages.toArray(CompletableFuture[]::new)).join();

        assertEquals(List.of("first", "second", "third"), texts(chats.get(0)), "each message stored once, in order");
        assertEquals(List.of("first", "second"), texts(chats.get(1)));
        assertEquals(List.of("first", "second"), texts(chats.get(2)));
        assertEquals(List.of(before[0] + 2, before[1] + 1, before[2] + 1),
                List.of(version(chats.get(0)), version(chats.get(1)), version(chats.get(2))), "one write a message");
        for (String chatId : chats) {
            desk.await(agent, since, "the second message in " + chatId,
                    data -> isMessageLog(data) && chatId.equals(ChatDesk.chatIdOf(data)) && data.toString().contains("second"));
        }
    }

    private static CompletableFuture<Void> send(ChatDesk desk, String agent, String chatId, String text) {
        return CompletableFuture.runAsync(() -> desk.operate(agent, chatId, Map.of("operationName", "SendMessage", "text", text)));
    }

    private static String chatAcceptedBy(ChatDesk desk, String agent) {
        int offered = desk.mark();
        desk.customerRequestsChat("Carla");
        return desk.acceptNextOffer(agent, offered, "Alice");
    }

    /** The texts of the chat's stored transcript entries, in their order. */
    private List<String> texts(String chatId) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT body::jsonb ->> 'text' FROM media_transcript_entry WHERE interaction_id = ? AND body::jsonb ->> 'type' = 'Text' ORDER BY idx")) {
            select.setString(1, chatId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
        }
        return texts;
    }

    private long version(String chatId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT version FROM media_interaction WHERE id = ?")) {
            select.setString(1, chatId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void execute(String sql, String chatId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, sql, chatId);
        }
    }

    /** Runs a statement about the chat that must touch its row. */
    private static void execute(Connection connection, String sql, String chatId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, chatId);
            if (statement.execute()) {
                try (ResultSet rows = statement.getResultSet()) {
                    assertTrue(rows.next(), "no row of " + chatId);
                }
            } else {
                assertEquals(1, statement.getUpdateCount());
            }
        }
    }
}
