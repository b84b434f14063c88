package io.opengws.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.opengws.common.interaction.ChannelNaming;
import io.opengws.common.interaction.Interaction;
import io.opengws.common.multimedia.InteractionDesk;
import io.opengws.common.multimedia.InteractionRepository;
import io.opengws.local.testing.TestDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** How changes to one interaction follow each other (the real PostgreSQL). */
@QuarkusTest
class InteractionDeskTest {

    @Inject
    InteractionDesk desk;

    @Inject
    InteractionRepository interactions;

    @Test
    void aChangeSeesWhatAnotherTransactionCommittedAfterThisOneFirstReadTheInteraction() {
        String center = TestDirectory.contactCenter(ChatDesk.FEATURES);
        String id = QuarkusTransaction.requiringNew().call(() -> desk.change(center, work -> work.start(
                Interaction.start(InteractionDesk.newInteractionId(), center, ChannelNaming.CHAT, "Carl", Map.of(), work.now()), "key-" + center).id));

        String seen = QuarkusTransaction.requiringNew().call(() -> {
            // Read first, as the Customer Chat API looks a chat up by its customer id before changing it...
            interactions.findById(id);
            // ...while another transaction (routing, an agent) changes the interaction and commits.
            CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> desk.change(center, work -> {
                work.interaction(id).orElseThrow().userData.put("changedBy", "the other transaction");
                return null;
            }))).join();
            return desk.change(center, work -> (String) work.interaction(id).orElseThrow().userData.get("changedBy"));
        });

        assertEquals("the other transaction", seen, "a change must start from what was committed, or it overwrites it");
    }
}
