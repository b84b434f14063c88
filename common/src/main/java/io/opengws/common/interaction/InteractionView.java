package io.opengws.common.interaction;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opengws.common.interaction.VisibilityPolicy.SeenEntry;

/**
 * The GWS shapes of an interaction as one reader sees it (reference 3.2, 3.3, 3.9; seeds 003 and 004): the chat or
 * SMS session resource of an agent or supervisor, its transcript entries, the two CometD messages, and the customer's
 * chat and transcript. Keys come in the seeds' order. What each reader is shown is {@link VisibilityPolicy}'s to
 * decide; this class only writes it down, with the names of the interaction's {@link ChannelNaming}.
 */
public final class InteractionView {

    /** {@code 2014-05-05T18:09:20.000+0000}: the samples' pattern, in UTC. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private InteractionView() {
    }

    // ---- agents and supervisors ---------------------------------------------------------------------------

    /**
     * The resource an agent or supervisor reads ({@code GET /api/v2/me/chats/{id}}, and inside every state-change
     * message). Once the viewer is done with it, only what seed 004's Revoked sample shows: no participants, no
     * capabilities, no data.
     */
    public static Map<String, Object> resource(Interaction interaction, Participant viewer, String publicOrigin) {
        ChannelNaming naming = interaction.naming();
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("receivedDate", timestamp(interaction.createdAt));
        if (!viewer.state.finished()) {
            resource.put("chatType", interaction.chatType);
        }
        resource.put("capabilities", InteractionStateMachine.capabilities(interaction, viewer));
        resource.put("uri", naming.uri(publicOrigin, interaction.id));
        resource.put("path", naming.path(interaction.id));
        resource.put("state", viewer.state.name());
        resource.put("participants",
                VisibilityPolicy.participantsSeenBy(interaction, viewer).stream().map(other -> participant(other, publicOrigin)).toList());
        if (!viewer.state.finished()) {
            resource.put("userData", new LinkedHashMap<>(interaction.userData));
            if (interaction.comment != null) {
                resource.put("comment", interaction.comment);
            }
        }
        resource.put("id", interaction.id);
        return resource;
    }

    /** A participant as agents and supervisors see it (seed 004). */
    public static Map<String, Object> participant(Participant participant, String publicOrigin) {
        return party(participant.nickname, participant.role, participant.userId, participant.visibility, participant.participantId,
                publicOrigin);
    }

    /** The reader's entries, numbered for it, as agents and supervisors see them (seed 004). */
    public static List<Map<String, Object>> messages(List<SeenEntry> entries, String publicOrigin) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (SeenEntry seen : entries) {
            TranscriptEntry entry = seen.entry();
            Sender from = entry.from;
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("index", seen.index());
            message.put("type", entry.type.name());
            message.put("from", party(from.nickname(), from.role(), from.userId(), from.visibility(), from.participantId(), publicOrigin));
            putPayload(message, entry);
            message.put("visibility", entry.visibility.name());
            putTimestamps(message, entry);
            messages.add(message);
        }
        return messages;
    }

    /** {@code ChatStateChangeMessage} / {@code SMSsessionStateChangeMessage} (reference 3.3). */
    public static Map<String, Object> stateChange(ChannelNaming naming, String notificationType, Map<String, Object> resource,
            Integer referenceId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(naming.resourceKey(), resource);
        data.put("notificationType", notificationType);
        data.put("messageType", naming.stateMessageType());
        if (referenceId != null) {
            data.put("referenceId", referenceId);
        }
        return data;
    }

    /** {@code MessageLogUpdated} with both the URI and the path of the resource (CONTRACT decision 14). */
    public static Map<String, Object> messageLog(Interaction interaction, List<Map<String, Object>> messages, String publicOrigin,
            Integer referenceId) {
        ChannelNaming naming = interaction.naming();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("messages", messages);
        data.put("notificationType", "NewMessages");
        data.put("messageType", "MessageLogUpdated");
        data.put(naming.logUriKey(), naming.uri(publicOrigin, interaction.id));
        data.put(naming.logPathKey(), naming.path(interaction.id));
        if (referenceId != null) {
            data.put("referenceId", referenceId);
        }
        return data;
    }

    // ---- the customer -------------------------------------------------------------------------------------

    /** The customer's view of the conversation (reference 3.9): no word of visibility, and its own participant ids. */
    public enum CustomerState {
        WaitingForAgent, Chatting, Completed
    }

    public static CustomerState customerState(Interaction interaction) {
        if (interaction.isCompleted() || !interaction.customer().present()) {
            return CustomerState.Completed;
        }
        boolean someoneAnswers = VisibilityPolicy.participantsSeenBy(interaction, Audience.CUSTOMER).stream()
                .anyMatch(other -> !other.isCustomer());
        return someoneAnswers ? CustomerState.Chatting : CustomerState.WaitingForAgent;
    }

    /** The chat of {@code GET /api/v2/chats/{id}}; {@code customerChatId} is the id the customer was given. */
    public static Map<String, Object> customerChat(Interaction interaction, String customerChatId) {
        CustomerState state = customerState(interaction);
        Map<String, Object> chat = new LinkedHashMap<>();
        chat.put("id", customerChatId);
        chat.put("state", state.name());
        chat.put("capabilities", state == CustomerState.Completed ? List.of()
                : List.of("SendMessage", "SendStartTypingNotification", "SendStopTypingNotification", "Complete"));
        chat.put("participants", VisibilityPolicy.participantsSeenBy(interaction, Audience.CUSTOMER).stream()
                .map(participant -> customerParty(participant.nickname, participant.customerParticipantId, participant.role)).toList());
        return chat;
    }

    /**
     * The customer's transcript ({@code GET /api/v2/chats/{id}/messages}, or what an SMS gateway sends the phone):
     * only entries of visibility All, numbered for the customer, during and after the conversation alike.
     */
    public static List<Map<String, Object>> customerTranscript(Interaction interaction) {
        return customerMessages(VisibilityPolicy.transcriptFor(interaction, Audience.CUSTOMER));
    }

    /** Entries the customer may read, in the customer's shape. */
    public static List<Map<String, Object>> customerMessages(List<SeenEntry> entries) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (SeenEntry seen : entries) {
            TranscriptEntry entry = seen.entry();
            if (!entry.visibility.seenBy(Audience.CUSTOMER)) {
                // Defence in depth: a caller handing the wrong audience's entries must not leak them.
                throw new IllegalArgumentException("Entry " + entry.index + " is not for the customer");
            }
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("index", seen.index());
            message.put("type", entry.type.name());
            message.put("from", customerParty(entry.from.nickname(), entry.from.customerParticipantId(), entry.from.role()));
            putPayload(message, entry);
            putTimestamps(message, entry);
            messages.add(message);
        }
        return messages;
    }

    // ---- pieces -------------------------------------------------------------------------------------------

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    private static Map<String, Object> party(String nickname, ParticipantRole role, String userId, Visibility visibility,
            String participantId, String publicOrigin) {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("nickname", nickname);
        party.put("type", role.wireType());
        if (userId != null) {
            party.put("uri", publicOrigin + "/api/v2/users/" + userId);
            party.put("path", "/users/" + userId);
        }
        party.put("visibility", visibility.name());
        party.put("participantId", participantId);
        return party;
    }

    private static Map<String, Object> customerParty(String nickname, String customerParticipantId, ParticipantRole role) {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("nickname", nickname);
        party.put("participantId", customerParticipantId);
        party.put("type", role.wireType());
        return party;
    }

    private static void putPayload(Map<String, Object> message, TranscriptEntry entry) {
        if (entry.text != null) {
            message.put("text", entry.text);
        }
        if (entry.url != null) {
            message.put("url", entry.url);
        }
        if (entry.noticeText != null) {
            message.put("noticeText", entry.noticeText);
        }
    }

    /** {@code timestampSeconds} holds epoch milliseconds, as every sample does despite its name (reference 3.3). */
    private static void putTimestamps(Map<String, Object> message, TranscriptEntry entry) {
        message.put("timestamp", timestamp(entry.timestamp));
        message.put("timestampSeconds", entry.timestamp.toEpochMilli());
    }
}
