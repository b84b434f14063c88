package io.opengws.common.interaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.opengws.common.interaction.VisibilityPolicy.SeenEntry;

/**
 * What each reader is told after an operation: take a {@link #snapshot} before changing the interaction, then ask
 * {@link #since} for the messages of every agent and supervisor whose own view changed, in the order the seeds show.
 * A reader whose view did not change is told nothing; that is how a silent monitor stays silent.
 *
 * <ul>
 *   <li>A participant entering the conversation: seed 004 for one added at once (a supervisor: ParticipantsUpdated,
 *       StatusChange), Accept's order for one that was offered it (StatusChange, ParticipantsUpdated); then the whole
 *       transcript it may read.</li>
 *   <li>A state change (Invited, LeftChat, Completed, Revoked): StatusChange.</li>
 *   <li>Participants changed (with capabilities, as seed 003's switch shows): ParticipantsUpdated; capabilities alone:
 *       StatusChange; user data or comment: PropertiesUpdated.</li>
 *   <li>New entries it may read while in the conversation: MessageLogUpdated with just those.</li>
 * </ul>
 */
public final class InteractionNotifications {

    /** One message for one user, on the channel's CometD topic; {@code data} is the exact GWS message. */
    public record Notification(String userId, String participantId, String topic, Map<String, Object> data) {

        public String notificationType() {
            return (String) data.get("notificationType");
        }
    }

    /** Every agent's and supervisor's resource, and the transcript's length, before an operation. */
    public record Snapshot(Map<String, Map<String, Object>> resources, int transcriptSize) {
    }

    /**
     * @param notifications   for agents and supervisors, in order
     * @param newForCustomer  entries the customer may now read, numbered for it: what an SMS gateway sends the phone
     */
    public record Changes(List<Notification> notifications, List<SeenEntry> newForCustomer) {

        public List<Notification> to(String userId) {
            return notifications.stream().filter(notification -> notification.userId().equals(userId)).toList();
        }
    }

    private InteractionNotifications() {
    }

    public static Snapshot snapshot(Interaction interaction, String publicOrigin) {
        Map<String, Map<String, Object>> resources = new HashMap<>();
        for (Participant participant : interaction.participants) {
            if (!participant.isCustomer()) {
                resources.put(participant.participantId, InteractionView.resource(interaction, participant, publicOrigin));
            }
        }
        return new Snapshot(resources, interaction.transcriptSize);
    }

    /**
     * @param actorParticipantId the participant whose request caused the change, or null; only its messages echo
     *                           {@code referenceId}, the number its own request was answered with
     */
    public static Changes since(Snapshot before, Interaction interaction, String publicOrigin, String actorParticipantId,
            Integer referenceId) {
        ChannelNaming naming = interaction.naming();
        List<Notification> notifications = new ArrayList<>();
        for (Participant participant : interaction.participants) {
            if (participant.isCustomer()) {
                continue;
            }
            Integer echo = participant.participantId.equals(actorParticipantId) ? referenceId : null;
            Map<String, Object> was = before.resources().get(participant.participantId);
            Map<String, Object> now = InteractionView.resource(interaction, participant, publicOrigin);
            for (String notificationType : notificationTypes(was, now)) {
                notifications.add(new Notification(participant.userId, participant.participantId, naming.topic(),
                        InteractionView.stateChange(naming, notificationType, now, echo)));
            }
            if (participant.present()) {
                List<SeenEntry> news = VisibilityPolicy.transcriptFor(interaction, participant.audience(),
                        startsChatting(was) ? 0 : before.transcriptSize());
                if (!news.isEmpty()) {
                    notifications.add(new Notification(participant.userId, participant.participantId, naming.topic(),
                            InteractionView.messageLog(interaction, InteractionView.messages(news, publicOrigin), publicOrigin, echo)));
                }
            }
        }
        return new Changes(notifications, VisibilityPolicy.transcriptFor(interaction, Audience.CUSTOMER, before.transcriptSize()));
    }

    /**
     * Whether {@link #since} needs the whole transcript: someone starts chatting and is sent everything it may read
     * (an agent that accepts, a supervisor that joins), not only what was written by this change.
     */
    public static boolean needsWholeTranscript(Snapshot before, Interaction interaction) {
        for (Participant participant : interaction.participants) {
            if (!participant.isCustomer() && participant.present() && startsChatting(before.resources().get(participant.participantId))) {
                return true;
            }
        }
        return false;
    }

    /** A reader that was not chatting before the change ({@code was}: its resource then, or null) reads it all. */
    private static boolean startsChatting(Map<String, Object> was) {
        return was == null || !InteractionState.Chatting.name().equals(was.get("state"));
    }

    /** The state-change notifications that tell a reader its resource went from {@code was} to {@code now}. */
    static List<String> notificationTypes(Map<String, Object> was, Map<String, Object> now) {
        boolean chatting = InteractionState.Chatting.name().equals(now.get("state"));
        if (was == null) {
            return chatting ? List.of("ParticipantsUpdated", "StatusChange") : List.of("StatusChange");
        }
        List<String> types = new ArrayList<>();
        if (differs(was, now, "state")) {
            types.add("StatusChange");
            if (chatting && differs(was, now, "participants")) {
                types.add("ParticipantsUpdated");
            }
        } else if (differs(was, now, "participants")) {
            types.add("ParticipantsUpdated");
        } else if (differs(was, now, "capabilities")) {
            types.add("StatusChange");
        }
        if (now.containsKey("userData") && differs(was, now, "userData", "comment")) {
            types.add("PropertiesUpdated");
        }
        return types;
    }

    private static boolean differs(Map<String, Object> was, Map<String, Object> now, String... fields) {
        for (String field : fields) {
            if (!Objects.equals(was.get(field), now.get(field))) {
                return true;
            }
        }
        return false;
    }
}
