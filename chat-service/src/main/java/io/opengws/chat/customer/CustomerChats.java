package io.opengws.chat.customer;

import java.util.List;
import java.util.Map;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.directory.Features;
import io.opengws.common.events.EventJson;
import io.opengws.common.identity.RandomIds;
import io.opengws.common.interaction.ChannelNaming;
import io.opengws.common.interaction.EntryType;
import io.opengws.common.interaction.Interaction;
import io.opengws.common.interaction.InteractionView;
import io.opengws.common.multimedia.InteractionDesk;
import io.opengws.common.multimedia.InteractionRepository;
import io.opengws.common.multimedia.MediaInteractionRow;
import io.opengws.common.multimedia.TranscriptRepository;
import io.opengws.common.wire.GwsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The customer's side of a chat (reference 3.9, the Customer Chat API): no credentials, the contact center named by
 * the {@code ContactCenterId} header, the chat named by its own id (a UUID, not the agents' interaction id). The
 * customer only ever sees what has visibility All.
 */
@ApplicationScoped
public class CustomerChats {

    /** The customer's chat id and the path it polls. */
    public record Requested(String id, String path) {
    }

    @Inject
    InteractionDesk desk;

    @Inject
    InteractionRepository interactions;

    @Inject
    TranscriptRepository transcripts;

    @Inject
    DirectoryReplica directory;

    @Transactional
    public Requested request(String contactCenterId, String nickname, Map<String, Object> userData) {
        requireContactCenter(contactCenterId);
        String customerChatId = RandomIds.uuid();
        desk.change(contactCenterId, work -> work.start(Interaction.start(InteractionDesk.newInteractionId(), contactCenterId,
                ChannelNaming.CHAT, nickname, userData, work.now()), customerChatId));
        return new Requested(customerChatId, "/api/v2/chats/" + customerChatId);
    }

    /** SendMessage and the typing notifications: {@code Text}, {@code TypingStarted}, {@code TypingStopped}. */
    @Transactional
    public void write(String contactCenterId, String customerChatId, EntryType type, String text) {
        requireContactCenter(contactCenterId);
        String interactionId = row(contactCenterId, customerChatId).id;
        desk.change(contactCenterId, work -> {
            // The engine refuses a customer who has left or a chat that has ended.
            work.interaction(interactionId).orElseThrow(() -> unknown(customerChatId)).customerWrites(type, text, work.now());
            return null;
        });
    }

    @Transactional
    public void complete(String contactCenterId, String customerChatId) {
        requireContactCenter(contactCenterId);
        String interactionId = row(contactCenterId, customerChatId).id;
        desk.change(contactCenterId, work -> {
            Interaction interaction = work.interaction(interactionId).orElseThrow(() -> unknown(customerChatId));
            interaction.customerLeaves(work.now());
            work.routingNeeded();
            return null;
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Object> chat(String contactCenterId, String customerChatId) {
        requireContactCenter(contactCenterId);
        return InteractionView.customerChat(read(contactCenterId, customerChatId), customerChatId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Map<String, Object>> messages(String contactCenterId, String customerChatId) {
        requireContactCenter(contactCenterId);
        return InteractionView.customerTranscript(transcripts.withWholeTranscript(read(contactCenterId, customerChatId)));
    }

    private Interaction read(String contactCenterId, String customerChatId) {
        return EventJson.read(row(contactCenterId, customerChatId).body, Interaction.class);
    }

    private MediaInteractionRow row(String contactCenterId, String customerChatId) {
        return interactions.byCustomerKey(contactCenterId, customerChatId).orElseThrow(() -> unknown(customerChatId));
    }

    private void requireContactCenter(String contactCenterId) {
        if (contactCenterId == null || contactCenterId.isBlank()) {
            throw GwsException.missingParameter("ContactCenterId");
        }
        if (directory.contactCenter(contactCenterId).isEmpty()) {
            throw GwsException.notFound("There is no contact center '" + GwsException.echo(contactCenterId) + "'.");
        }
        if (!directory.hasFeature(contactCenterId, Features.MULTIMEDIA)) {
            throw GwsException.featureOff(Features.MULTIMEDIA);
        }
    }

    private static GwsException unknown(String customerChatId) {
        return GwsException.notFound("There is no chat '" + GwsException.echo(customerChatId) + "'.");
    }
}
