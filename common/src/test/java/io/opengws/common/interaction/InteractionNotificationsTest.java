package io.opengws.common.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import io.opengws.common.interaction.InteractionNotifications.Changes;
import io.opengws.common.interaction.InteractionNotifications.Notification;

/** What each reader is told, and in which order, as chats are offered, joined, switched, left and completed. */
class InteractionNotificationsTest {

    private static final String CHAT_STATE = "ChatStateChangeMessage/";

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> messagesOf(Notification notification) {
        return (List<Map<String, Object>>) notification.data().get("messages");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fromOf(Map<String, Object> message) {
        return (Map<String, Object>) message.get("from");
    }

    @Test
    void anOfferReachesTheAgentAsInvitedWithAcceptAndReject() {
        InteractionFixture fixture = InteractionFixture.waiting(ChannelNaming.CHAT);
        fixture.act(() -> fixture.interaction.offer("agent", "agent", fixture.tick()));
        assertThat(fixture.kindsTo("agent")).containsExactly(CHAT_STATE + "StatusChange");
        Map<String, Object> chat = fixture.lastResourceTo("agent");
        assertThat(chat.get("state")).isEqualTo("Invited");
        assertThat(chat.get("capabilities")).isEqualTo(List.of("Accept", "Reject"));
    }

    @Test
    void acceptingGivesStatusChangeThenParticipantsThenTheWholeTranscript() {
        InteractionFixture fixture = InteractionFixture.waiting(ChannelNaming.CHAT);
        fixture.interaction.customerWrites(EntryType.Text, "Hello, I need help", fixture.tick());
        Participant agent = fixture.interaction.offer("agent", "agent", fixture.tick());
        fixture.act(() -> fixture.interaction.accept(agent, "Anna", fixture.tick()));
        assertThat(fixture.kindsTo("agent")).containsExactly(CHAT_STATE + "StatusChange", CHAT_STATE + "ParticipantsUpdated",
                "MessageLogUpdated/NewMessages");
        assertThat(fixture.messagesTo("agent")).extracting(m -> m.get("type"), m -> m.get("text"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ParticipantJoined", null),
                        org.assertj.core.groups.Tuple.tuple("Text", "Hello, I need help"),
                        org.assertj.core.groups.Tuple.tuple("ParticipantJoined", null));
        assertThat(InteractionFixture.nicknames(fixture.lastResourceTo("agent"))).containsExactly("test_clientL", "Anna");
        assertThat(fixture.interaction.isWaitingForAgent()).isFalse();
    }

    @Test
    void aJoiningSupervisorGetsParticipantsUpdatedStatusChangeAndTheTranscriptEndingWithItsOwnArrival() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        fixture.act(() -> fixture.supervisor("sup", SupervisorMode.Coach, "agent"));
        assertThat(fixture.kindsTo("sup")).containsExactly(CHAT_STATE + "ParticipantsUpdated", CHAT_STATE + "StatusChange",
                "MessageLogUpdated/NewMessages");
        List<Map<String, Object>> transcript = fixture.messagesTo("sup");
        assertThat(transcript).extracting(m -> m.get("index")).containsExactly(1, 2, 3);
        Map<String, Object> own = transcript.get(2);
        assertThat(own.get("type")).isEqualTo("ParticipantJoined");
        assertThat(own.get("visibility")).isEqualTo("Agents");
        assertThat(fromOf(own)).containsEntry("nickname", "sup").containsEntry("visibility", "Agents")
                .containsEntry("uri", "http://localhost:8080/api/v2/users/sup");
        Map<String, Object> chat = fixture.lastResourceTo("sup");
        assertThat(chat.get("state")).isEqualTo("Chatting");
        assertThat(chat.get("capabilities")).isEqualTo(InteractionStateMachineTest.COACH);
    }

    @Test
    void aCoachJoiningTellsTheAgentButAMonitorTellsItNothing() {
        InteractionFixture monitored = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        monitored.act(() -> monitored.supervisor("sup", SupervisorMode.Monitor, "agent"));
        assertThat(monitored.to("agent")).isEmpty();

        InteractionFixture coached = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        coached.act(() -> coached.supervisor("sup", SupervisorMode.Coach, "agent"));
        assertThat(coached.kindsTo("agent")).containsExactly(CHAT_STATE + "ParticipantsUpdated", "MessageLogUpdated/NewMessages");
        assertThat(coached.lastResourceTo("agent").get("capabilities")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("SendToAgents");
    }

    @Test
    void switchingToCoachSendsParticipantsUpdatedAndARejoinedWithTheNewVisibility() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        Participant supervisor = fixture.supervisor("sup", SupervisorMode.Monitor, "agent");
        fixture.act(() -> fixture.interaction.switchMode(supervisor, SupervisorMode.Coach, fixture.tick()));
        assertThat(fixture.kindsTo("sup")).containsExactly(CHAT_STATE + "ParticipantsUpdated", "MessageLogUpdated/NewMessages");
        Map<String, Object> rejoined = fixture.messagesTo("sup").get(0);
        assertThat(rejoined.get("type")).isEqualTo("ParticipantRejoined");
        assertThat(rejoined.get("visibility")).isEqualTo("Agents");
        assertThat(fromOf(rejoined).get("visibility")).isEqualTo("Agents");
        assertThat(fixture.lastResourceTo("sup").get("capabilities")).isEqualTo(InteractionStateMachineTest.COACH);
        assertThat(fixture.kindsTo("agent")).containsExactly(CHAT_STATE + "ParticipantsUpdated", "MessageLogUpdated/NewMessages");
        assertThat(fixture.changes.newForCustomer()).isEmpty();
    }

    @Test
    void completingRevokesTheSupervisorWithNoParticipantsAndNoCapabilities() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        fixture.supervisor("sup", SupervisorMode.Monitor, "agent");
        fixture.act(() -> fixture.interaction.complete(fixture.user("agent"), InteractionOperation.Complete, "Bye", fixture.tick()));
        assertThat(fixture.kindsTo("sup")).containsExactly(CHAT_STATE + "StatusChange");
        Map<String, Object> chat = fixture.lastResourceTo("sup");
        assertThat(chat).containsEntry("state", "Revoked").containsEntry("participants", List.of()).containsEntry("capabilities", List.of())
                .doesNotContainKey("userData");
        assertThat(fixture.kindsTo("agent")).containsExactly(CHAT_STATE + "StatusChange");
        assertThat(fixture.lastResourceTo("agent").get("state")).isEqualTo("Completed");
        assertThat(InteractionView.customerMessages(fixture.changes.newForCustomer())).extracting(m -> m.get("type"))
                .containsExactly("Text", "ParticipantLeft");
    }

    @Test
    void theSupervisorStaysWhileAnotherAgentRemainsAndIsRevokedWhenTheChatIsQueued() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agentA");
        fixture.conferenceWith("agentA", "agentB");
        Participant supervisor = fixture.supervisor("sup", SupervisorMode.Coach, "agentA");
        fixture.interaction.leave(fixture.user("agentA"), null, fixture.tick());
        assertThat(fixture.user("agentA").state).as("leaving a conference").isEqualTo(InteractionState.Completed);
        assertThat(supervisor.state).isEqualTo(InteractionState.Chatting);

        fixture.act(() -> fixture.interaction.transferToQueue(fixture.user("agentB"), null, fixture.tick()));
        assertThat(supervisor.state).isEqualTo(InteractionState.Revoked);
        assertThat(fixture.user("agentB").state).isEqualTo(InteractionState.Completed);
        assertThat(fixture.interaction.isWaitingForAgent()).isTrue();
        assertThat(InteractionView.customerState(fixture.interaction)).isEqualTo(InteractionView.CustomerState.WaitingForAgent);
        assertThat(fixture.kindsTo("sup")).containsExactly(CHAT_STATE + "StatusChange");
    }

    @Test
    void anAgentLeavingAloneKeepsTheChatToWrapUpAndTheSupervisorStaysUntilItIsCompleted() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        Participant supervisor = fixture.supervisor("sup", SupervisorMode.BargeIn, "agent");
        fixture.act(() -> fixture.interaction.leave(fixture.user("agent"), "Goodbye", fixture.tick()));
        assertThat(fixture.user("agent").state).isEqualTo(InteractionState.LeftChat);
        assertThat(fixture.lastResourceTo("agent")).containsEntry("participants", List.of());
        assertThat(supervisor.state).isEqualTo(InteractionState.Chatting);

        fixture.act(() -> fixture.interaction.setDisposition(fixture.user("agent"), "Resolved", null));
        assertThat(fixture.kindsTo("agent")).containsExactly(CHAT_STATE + "PropertiesUpdated");
        assertThat(fixture.kindsTo("sup")).containsExactly(CHAT_STATE + "PropertiesUpdated");
        assertThat(fixture.interaction.userData).containsEntry("DispositionCode", "Resolved");

        fixture.interaction.complete(fixture.user("agent"), InteractionOperation.Complete, null, fixture.tick());
        assertThat(supervisor.state).isEqualTo(InteractionState.Revoked);
        assertThat(fixture.user("agent").state).isEqualTo(InteractionState.Completed);
    }

    @Test
    void transferringToAnotherAgentOffersItAndRevokesTheSupervisorsOfTheOneLeaving() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agentA");
        Participant supervisor = fixture.supervisor("sup", SupervisorMode.Coach, "agentA");
        fixture.act(() -> fixture.interaction.transferToAgent(fixture.user("agentA"), "agentB", "agentB", null, fixture.tick()));
        assertThat(fixture.user("agentA").state).isEqualTo(InteractionState.Completed);
        assertThat(fixture.user("agentB").state).isEqualTo(InteractionState.Invited);
        assertThat(supervisor.state).isEqualTo(InteractionState.Revoked);
        assertThat(fixture.kindsTo("agentB")).containsExactly(CHAT_STATE + "StatusChange");
    }

    @Test
    void aRejectedOfferLeavesTheChatWaitingAndAWithdrawnOneIsRevoked() {
        InteractionFixture fixture = InteractionFixture.waiting(ChannelNaming.CHAT);
        Participant first = fixture.interaction.offer("agentA", "agentA", fixture.tick());
        fixture.interaction.reject(first, fixture.tick());
        assertThat(fixture.interaction.isWaitingForAgent()).isTrue();
        Participant second = fixture.interaction.offer("agentB", "agentB", fixture.tick());
        fixture.interaction.withdrawOffer(second);
        assertThat(second.state).isEqualTo(InteractionState.Revoked);
        assertThat(fixture.interaction.isCompleted()).isFalse();
    }

    @Test
    void aCustomerLeavingAChatNobodyTookEndsItAndRevokesTheOffer() {
        InteractionFixture fixture = InteractionFixture.waiting(ChannelNaming.CHAT);
        Participant offered = fixture.interaction.offer("agent", "agent", fixture.tick());
        fixture.act(() -> fixture.interaction.customerLeaves(fixture.tick()));
        assertThat(fixture.interaction.isCompleted()).isTrue();
        assertThat(offered.state).isEqualTo(InteractionState.Revoked);
        assertThat(fixture.kindsTo("agent")).containsExactly(CHAT_STATE + "StatusChange");
    }

    @Test
    void aCustomerLeavingLetsTheAgentWrapUp() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        fixture.act(() -> fixture.interaction.customerLeaves(fixture.tick()));
        assertThat(fixture.interaction.isCompleted()).isFalse();
        assertThat(fixture.user("agent").state).isEqualTo(InteractionState.Chatting);
        assertThat(fixture.kindsTo("agent")).containsExactly(CHAT_STATE + "ParticipantsUpdated", "MessageLogUpdated/NewMessages");
        assertThat(InteractionView.customerState(fixture.interaction)).isEqualTo(InteractionView.CustomerState.Completed);
    }

    @Test
    void onlyTheRequestersNotificationsEchoItsReferenceId() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        Participant supervisor = fixture.supervisor("sup", SupervisorMode.BargeIn, "agent");
        var before = InteractionNotifications.snapshot(fixture.interaction, InteractionFixture.ORIGIN);
        fixture.interaction.write(supervisor, InteractionOperation.SendMessage, "Hi", fixture.tick());
        Changes changes = InteractionNotifications.since(before, fixture.interaction, InteractionFixture.ORIGIN, supervisor.participantId, 35);
        assertThat(changes.to("sup")).extracting(n -> n.data().get("referenceId")).containsExactly(35);
        assertThat(changes.to("agent")).extracting(n -> n.data().get("referenceId")).containsOnlyNulls().hasSize(1);
    }

    @Test
    void aConsultedAgentsMessagesNeverReachTheCustomerEvenWhenItSendsToEveryone() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        Participant expert = fixture.interaction.consult(fixture.user("agent"), "expert", "expert", fixture.tick());
        fixture.interaction.accept(expert, null, fixture.tick());
        fixture.act(() -> fixture.interaction.write(expert, InteractionOperation.SendMessage, "internal advice", fixture.tick()));
        assertThat(fixture.messagesTo("agent")).singleElement().satisfies(m -> assertThat(m.get("visibility")).isEqualTo("Agents"));
        assertThat(fixture.changes.newForCustomer()).isEmpty();
        assertThat(InteractionView.customerTranscript(fixture.interaction)).noneMatch(m -> "internal advice".equals(m.get("text")));
        assertThat(InteractionFixture.nicknames(InteractionView.customerChat(fixture.interaction, "c-1"))).doesNotContain("expert");
    }

    @Test
    void removingAnAgentFromAConferenceLeavesANoticeForAgentsOnly() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agentA");
        Participant removed = fixture.conferenceWith("agentA", "agentB");
        fixture.act(() -> fixture.interaction.removeFromConference(fixture.user("agentA"), removed, fixture.tick()));
        assertThat(removed.state).isEqualTo(InteractionState.Completed);
        assertThat(fixture.messagesTo("agentA")).extracting(m -> m.get("type"), m -> m.get("noticeText"), m -> m.get("visibility"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Notice", "REMOVE_PARTICIPANT_FROM_CONFERENCEagentB", "Agents"),
                        org.assertj.core.groups.Tuple.tuple("ParticipantLeft", null, "All"));
        assertThat(InteractionView.customerMessages(fixture.changes.newForCustomer())).extracting(m -> m.get("type"))
                .containsExactly("ParticipantLeft");
    }
}
