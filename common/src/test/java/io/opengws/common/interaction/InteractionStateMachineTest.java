package io.opengws.common.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.StatusCode;

/** Every row of the interaction state table, as the capabilities each participant shows. */
class InteractionStateMachineTest {

    /** Seed 004's table, column by column, in the order the seed prints it (spelling: CONTRACT decision 12). */
    static final List<String> MONITOR = List.of("Leave", "SwitchToCoach", "SwitchToBargeIn");
    static final List<String> COACH = List.of("Leave", "SetInFocus", "SetDisposition", "AttachUserData", "DeleteUserData",
            "UpdateUserData", "AddComment", "Transfer", "Invite", "Consult", "SendToAgents", "SendStartTypingToAgentsNotification",
            "SendStopTypingToAgentsNotification", "SwitchToMonitor", "SwitchToBargeIn");
    static final List<String> BARGE_IN = List.of("Leave", "SetInFocus", "SetDisposition", "AttachUserData", "DeleteUserData",
            "UpdateUserData", "AddComment", "Transfer", "Invite", "Consult", "SendToAgents", "SendStartTypingToAgentsNotification",
            "SendStopTypingToAgentsNotification", "SendMessage", "SendStartTypingNotification", "SendStopTypingNotification",
            "SwitchToMonitor", "SwitchToCoach");

    private static final List<String> AGENT_WRAP_UP = List.of("Leave", "Complete", "SetInFocus", "SetDisposition", "AttachUserData",
            "DeleteUserData", "UpdateUserData", "AddComment", "Transfer");
    private static final List<String> AGENT_WRITING = List.of("SendMessage", "SendStartTypingNotification", "SendStopTypingNotification",
            "SendUrl", "SendNicknameUpdatedNotice");
    private static final List<String> TO_AGENTS = List.of("SendToAgents", "SendStartTypingToAgentsNotification",
            "SendStopTypingToAgentsNotification");

    private static List<String> capabilities(InteractionFixture fixture, String userId) {
        return InteractionStateMachine.capabilities(fixture.interaction, fixture.user(userId));
    }

    private static List<String> agentChatting(List<String> conditional) {
        List<String> all = new ArrayList<>(AGENT_WRAP_UP);
        all.addAll(List.of("Invite", "Consult"));
        all.addAll(conditional);
        all.addAll(AGENT_WRITING);
        return all;
    }

    @Test
    void aMonitoringSupervisorMayOnlyLeaveOrSwitch() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        fixture.supervisor("sup", SupervisorMode.Monitor, "agent");
        assertThat(capabilities(fixture, "sup")).containsExactlyElementsOf(MONITOR);
    }

    @Test
    void aCoachWorksOnTheChatAndWritesToAgentsButNotToTheCustomer() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        fixture.supervisor("sup", SupervisorMode.Coach, "agent");
        assertThat(capabilities(fixture, "sup")).containsExactlyElementsOf(COACH);
    }

    @Test
    void aBargedInSupervisorAlsoWritesToTheCustomer() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        fixture.supervisor("sup", SupervisorMode.BargeIn, "agent");
        assertThat(capabilities(fixture, "sup")).containsExactlyElementsOf(BARGE_IN);
    }

    @Test
    void theSupervisorTableIsTheSameOnSmsSessions() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.SMS, "agent");
        Participant supervisor = fixture.supervisor("sup", SupervisorMode.Monitor, "agent");
        assertThat(capabilities(fixture, "sup")).containsExactlyElementsOf(MONITOR);
        fixture.interaction.switchMode(supervisor, SupervisorMode.Coach, fixture.tick());
        assertThat(capabilities(fixture, "sup")).containsExactlyElementsOf(COACH);
        fixture.interaction.switchMode(supervisor, SupervisorMode.BargeIn, fixture.tick());
        assertThat(capabilities(fixture, "sup")).containsExactlyElementsOf(BARGE_IN);
    }

    @Test
    void anIntrudingSupervisorMayAcceptOrRejectThenGetsItsModesCapabilities() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        Participant supervisor = fixture.interaction.supervisorIntrudes("sup", "sup", SupervisorMode.Coach, "agent", fixture.tick());
        assertThat(capabilities(fixture, "sup")).containsExactly("Accept", "Reject");
        fixture.interaction.accept(supervisor, null, fixture.tick());
        assertThat(capabilities(fixture, "sup")).containsExactlyElementsOf(COACH);
    }

    @Test
    void aRevokedOrDepartedSupervisorHasNoCapabilities() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        Participant leaving = fixture.supervisor("sup", SupervisorMode.BargeIn, "agent");
        fixture.supervisor("sup2", SupervisorMode.Coach, "agent");
        fixture.interaction.leave(leaving, null, fixture.tick());
        assertThat(leaving.state).isEqualTo(InteractionState.Completed);
        assertThat(capabilities(fixture, "sup")).isEmpty();
        fixture.interaction.complete(fixture.user("agent"), InteractionOperation.Complete, null, fixture.tick());
        assertThat(fixture.user("sup2").state).isEqualTo(InteractionState.Revoked);
        assertThat(capabilities(fixture, "sup2")).isEmpty();
    }

    @Test
    void anOfferedAgentMayAcceptOrReject() {
        InteractionFixture fixture = InteractionFixture.waiting(ChannelNaming.CHAT);
        fixture.interaction.offer("agent", "agent", fixture.tick());
        assertThat(capabilities(fixture, "agent")).containsExactly("Accept", "Reject");
    }

    @Test
    void aChattingAgentAloneWithTheCustomerWritesToEveryoneButNotToAgents() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        assertThat(capabilities(fixture, "agent")).containsExactlyElementsOf(agentChatting(List.of()));
    }

    @Test
    void anSmsAgentMayAlsoLeaveAndComplete() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.SMS, "agent");
        List<String> expected = new ArrayList<>(agentChatting(List.of()));
        expected.add(expected.indexOf("Complete") + 1, "LeaveAndComplete");
        assertThat(capabilities(fixture, "agent")).containsExactlyElementsOf(expected);
    }

    @Test
    void aCoachOrBargedInSupervisorGivesTheAgentSomeoneToWriteToAgents() {
        for (SupervisorMode mode : List.of(SupervisorMode.Coach, SupervisorMode.BargeIn)) {
            InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
            fixture.supervisor("sup", mode, "agent");
            assertThat(capabilities(fixture, "agent")).as(mode.name()).containsExactlyElementsOf(agentChatting(TO_AGENTS));
        }
    }

    @Test
    void aSilentMonitorLeavesTheAgentsCapabilitiesUntouched() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        List<String> alone = capabilities(fixture, "agent");
        fixture.supervisor("sup", SupervisorMode.Monitor, "agent");
        assertThat(capabilities(fixture, "agent")).isEqualTo(alone);
    }

    @Test
    void anAgentInAConferenceMayRemoveTheOtherAndWriteToAgents() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        fixture.conferenceWith("agent", "agent2");
        List<String> conditional = new ArrayList<>(List.of("RemoveParticipantFromConference"));
        conditional.addAll(TO_AGENTS);
        assertThat(capabilities(fixture, "agent")).containsExactlyElementsOf(agentChatting(conditional));
    }

    @Test
    void aConsultedAgentTheCustomerDoesNotSeeMayNotRemoveAnyone() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        Participant consulted = fixture.interaction.consult(fixture.user("agent"), "expert", "expert", fixture.tick());
        fixture.interaction.accept(consulted, null, fixture.tick());
        assertThat(capabilities(fixture, "expert")).containsExactlyElementsOf(agentChatting(TO_AGENTS));
        assertThat(capabilities(fixture, "agent")).contains("RemoveParticipantFromConference");
    }

    @Test
    void anAgentThatLeftMayStillWrapUp() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        fixture.interaction.leave(fixture.user("agent"), null, fixture.tick());
        assertThat(fixture.user("agent").state).isEqualTo(InteractionState.LeftChat);
        assertThat(capabilities(fixture, "agent")).containsExactlyElementsOf(AGENT_WRAP_UP);
    }

    @Test
    void aCompletedOrRejectingAgentHasNoCapabilities() {
        InteractionFixture fixture = InteractionFixture.waiting(ChannelNaming.CHAT);
        Participant rejecting = fixture.interaction.offer("agent", "agent", fixture.tick());
        fixture.interaction.reject(rejecting, fixture.tick());
        assertThat(rejecting.state).isEqualTo(InteractionState.Completed);
        assertThat(capabilities(fixture, "agent")).isEmpty();
        Participant other = fixture.interaction.offer("agent2", "agent2", fixture.tick());
        fixture.interaction.accept(other, null, fixture.tick());
        fixture.interaction.complete(other, InteractionOperation.Complete, null, fixture.tick());
        assertThat(capabilities(fixture, "agent2")).isEmpty();
    }

    @Test
    void aRefusalNamesTheStateAndTheSupervisorsMode() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        Participant coach = fixture.supervisor("sup", SupervisorMode.Coach, "agent");
        assertThatThrownBy(() -> fixture.interaction.write(coach, InteractionOperation.SendMessage, "hello customer", fixture.tick()))
                .isInstanceOfSatisfying(GwsException.class, refused -> {
                    assertThat(refused.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
                    assertThat(refused.getMessage()).contains("SendMessage", "state Chatting", "Coach mode", "[BargeIn]");
                });
        assertThat(fixture.interaction.transcript).noneMatch(entry -> "hello customer".equals(entry.text));
    }

    @Test
    void aRefusalNamesTheAgentsStateWhenItIsWrong() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        Participant agent = fixture.user("agent");
        fixture.interaction.leave(agent, null, fixture.tick());
        assertThat(InteractionStateMachine.refusal(InteractionOperation.SendMessage, fixture.interaction, agent))
                .isEqualTo("SendMessage is not possible on chat 0001DA9PFC93000S in state LeftChat for an agent; it needs one of the states [Chatting].");
        assertThat(InteractionStateMachine.refusal(InteractionOperation.SwitchToCoach, fixture.interaction, agent))
                .endsWith("it is not an operation an agent may ask for.");
    }

    @Test
    void aSupervisorCannotSwitchToTheModeItIsIn() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        Participant supervisor = fixture.supervisor("sup", SupervisorMode.BargeIn, "agent");
        assertThatThrownBy(() -> fixture.interaction.switchMode(supervisor, SupervisorMode.BargeIn, fixture.tick()))
                .isInstanceOf(GwsException.class).hasMessageContaining("SwitchToBargeIn");
        assertThat(supervisor.mode).isEqualTo(SupervisorMode.BargeIn);
    }
}
