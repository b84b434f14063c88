package io.opengws.common.interaction;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.opengws.common.interaction.InteractionNotifications.Changes;
import io.opengws.common.interaction.InteractionNotifications.Notification;
import io.opengws.common.interaction.InteractionNotifications.Snapshot;

/** Builds interactions the way chat-service will drive them, and records what each operation told whom. */
final class InteractionFixture {

    static final String ORIGIN = "http://localhost:8080";
    static final Instant T0 = Instant.parse("2014-05-05T18:08:45Z");

    final Interaction interaction;
    private Instant now = T0;
    private Snapshot before;
    /** What the last {@link #act} told every reader. */
    Changes changes;

    private InteractionFixture(Interaction interaction) {
        this.interaction = interaction;
    }

    /** A customer {@code test_clientL} has started a chat (or SMS session) that waits for an agent. */
    static InteractionFixture waiting(ChannelNaming naming) {
        return new InteractionFixture(Interaction.start("0001DA9PFC93000S", "cc1", naming, "test_clientL", Map.of("Subject", "help"), T0));
    }

    /** ... and agent {@code agentUserId} has accepted it. */
    static InteractionFixture chatting(ChannelNaming naming, String agentUserId) {
        InteractionFixture fixture = waiting(naming);
        Participant agent = fixture.interaction.offer(agentUserId, agentUserId, fixture.tick());
        fixture.interaction.accept(agent, agentUserId, fixture.tick());
        return fixture;
    }

    Instant tick() {
        now = now.plusSeconds(1);
        return now;
    }

    /** Runs an operation between a snapshot and the notifications it causes. */
    InteractionFixture act(Runnable operation) {
        before = InteractionNotifications.snapshot(interaction, ORIGIN);
        operation.run();
        changes = InteractionNotifications.since(before, interaction, ORIGIN, null, null);
        return this;
    }

    Participant user(String userId) {
        return interaction.participantOfUser(userId).orElseThrow();
    }

    /** Another agent {@code userId} joins the conversation (Invite, then Accept). */
    Participant conferenceWith(String inviterUserId, String userId) {
        Participant invited = interaction.invite(user(inviterUserId), userId, userId, tick());
        interaction.accept(invited, userId, tick());
        return invited;
    }

    Participant supervisor(String userId, SupervisorMode mode, String monitoredUserId) {
        return interaction.supervisorJoins(userId, userId, mode, monitoredUserId, tick());
    }

    List<Notification> to(String userId) {
        return changes.to(userId);
    }

    List<String> kindsTo(String userId) {
        return to(userId).stream()
                .map(notification -> notification.data().get("messageType") + "/" + notification.notificationType()).toList();
    }

    /** Every transcript message delivered to this user by the last operation. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> messagesTo(String userId) {
        return to(userId).stream().filter(notification -> "MessageLogUpdated".equals(notification.data().get("messageType")))
                .flatMap(notification -> ((List<Map<String, Object>>) notification.data().get("messages")).stream()).toList();
    }

    /** The resource the user's last state-change message carried. */
    @SuppressWarnings("unchecked")
    Map<String, Object> lastResourceTo(String userId) {
        String key = interaction.naming().resourceKey();
        return to(userId).stream().filter(notification -> notification.data().containsKey(key))
                .map(notification -> (Map<String, Object>) notification.data().get(key)).reduce((first, second) -> second).orElseThrow();
    }

    Map<String, Object> resourceOf(String userId) {
        return InteractionView.resource(interaction, user(userId), ORIGIN);
    }

    @SuppressWarnings("unchecked")
    static List<String> nicknames(Map<String, Object> resource) {
        return ((List<Map<String, Object>>) resource.get("participants")).stream().map(p -> (String) p.get("nickname")).toList();
    }
}
