package io.opengws.common.multimedia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.opengws.common.events.EventJson;
import io.opengws.common.interaction.ChannelNaming;
import io.opengws.common.interaction.Interaction;
import io.opengws.common.interaction.InteractionOperation;
import io.opengws.common.interaction.Participant;

/**
 * When a change may be written in one statement that commits itself, outside its transaction: only when writing its
 * one remembered interaction is all it does. Anything more must commit with it, in its transaction.
 */
class InteractionWorkTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final Map<String, InteractionWork.Loaded> rows = new HashMap<>();

    @Test
    void aMessageInARememberedChatIsWrittenInOneStatement() {
        InteractionWork work = work("A", InteractionWork.Origin.REMEMBERED);
        work.allowOneStatement();
        Interaction chat = work.interaction("A").orElseThrow();
        chat.write(agent(chat), InteractionOperation.SendMessage, "hello", NOW);

        assertTrue(work.isWrittenInOneStatement(tracked(work, "A"), work.participationsChanged(chat)));
    }

    @Test
    void notWhenTheOperationDoesMoreThanWrite() {
        InteractionWork work = work("A", InteractionWork.Origin.REMEMBERED);
        Interaction chat = work.interaction("A").orElseThrow();
        chat.leave(agent(chat), null, NOW);

        assertFalse(work.isWrittenInOneStatement(tracked(work, "A"), work.participationsChanged(chat)),
                "an operation that did not ask for it");
        work.allowOneStatement();
        assertFalse(work.isWrittenInOneStatement(tracked(work, "A"), true), "who takes part changed: its index is written too");
    }

    @Test
    void notWhenTheChatWasReadFromItsRow() {
        InteractionWork work = work("A", InteractionWork.Origin.LOCKED);
        work.allowOneStatement();
        work.interaction("A").orElseThrow();

        assertFalse(work.isWrittenInOneStatement(tracked(work, "A"), false), "a locked row is the transaction's to write");
    }

    @Test
    void notWhenTheWorkHasAnotherInteractionOrWritesToTheCustomersPhone() {
        InteractionWork two = work("A", InteractionWork.Origin.REMEMBERED);
        rows.put("B", loaded("B", InteractionWork.Origin.REMEMBERED));
        two.allowOneStatement();
        two.interaction("A").orElseThrow();
        two.interaction("B").orElseThrow();
        assertFalse(two.isWrittenInOneStatement(tracked(two, "A"), false), "two interactions");

        InteractionWork texting = work("C", InteractionWork.Origin.REMEMBERED);
        texting.allowOneStatement();
        texting.interaction("C").orElseThrow();
        texting.needsItsTransaction();
        assertFalse(texting.isWrittenInOneStatement(tracked(texting, "C"), false), "a text to the customer's phone is stored too");
    }

    @Test
    void theOperationsThatOnlyWriteAreTheMessagesNoticesAndTyping() {
        EnumSet<InteractionOperation> onlyWrite = EnumSet.noneOf(InteractionOperation.class);
        for (InteractionOperation operation : InteractionOperation.values()) {
            if (operation.onlyWrites()) {
                onlyWrite.add(operation);
            }
        }
        assertEquals(EnumSet.of(InteractionOperation.SendMessage, InteractionOperation.SendToAgents, InteractionOperation.SendUrl,
                InteractionOperation.SendNicknameUpdatedNotice, InteractionOperation.SendStartTypingNotification,
                InteractionOperation.SendStopTypingNotification, InteractionOperation.SendStartTypingToAgentsNotification,
                InteractionOperation.SendStopTypingToAgentsNotification), onlyWrite);
    }

    private InteractionWork work(String id, InteractionWork.Origin origin) {
        rows.put(id, loaded(id, origin));
        return new InteractionWork("cc1", NOW, "http://localhost:8080", interactionId -> Optional.ofNullable(rows.get(interactionId)));
    }

    /** A chat an agent has accepted, stored as a row. */
    private static InteractionWork.Loaded loaded(String id, InteractionWork.Origin origin) {
        Interaction chat = Interaction.start(id, "cc1", ChannelNaming.CHAT, "Carla", Map.of(), NOW);
        Participant agent = chat.offer("agent-1", "Alice", NOW);
        chat.accept(agent, "Alice", NOW);
        MediaInteractionRow row = new MediaInteractionRow();
        row.id = id;
        row.contactCenterId = "cc1";
        row.customerKey = "key-" + id;
        row.body = EventJson.write(chat);
        return new InteractionWork.Loaded(row, origin);
    }

    private static Participant agent(Interaction chat) {
        return chat.participantOfUser("agent-1").orElseThrow();
    }

    private static InteractionWork.Tracked tracked(InteractionWork work, String id) {
        return work.tracked().stream().filter(tracked -> tracked.interaction().id.equals(id)).findFirst().orElseThrow();
    }
}
