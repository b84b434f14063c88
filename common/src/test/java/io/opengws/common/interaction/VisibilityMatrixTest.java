package io.opengws.common.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.opengws.common.wire.GwsException;

/**
 * For every supervisor mode and every kind of transcript entry, who reads it: the customer, the monitored agent, another
 * agent in the conference, the monitoring supervisor itself, and another supervisor (a monitor of the other agent).
 * "Reads" means the entry arrives in that reader's MessageLogUpdated or, for the customer, in its transcript both
 * during the conversation and when read after it ended.
 */
class VisibilityMatrixTest {

    private static final String TEXT = "a word from the supervisor";

    /** Customer test_clientL, monitored agent A, agent B in conference, supervisor T silently monitoring B. */
    private static InteractionFixture conference() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agentA");
        fixture.conferenceWith("agentA", "agentB");
        fixture.supervisor("otherSup", SupervisorMode.Monitor, "agentB");
        return fixture;
    }

    private enum Kind {
        ParticipantJoined, ParticipantRejoined, ParticipantLeft, SendMessage, SendStartTypingNotification, SendToAgents,
        SendStartTypingToAgentsNotification
    }

    /** Supervisor S, in {@code mode}, produces an entry of this kind. */
    private static void produce(InteractionFixture fixture, SupervisorMode mode, Kind kind) {
        Interaction interaction = fixture.interaction;
        switch (kind) {
            case ParticipantJoined -> fixture.act(() -> fixture.supervisor("sup", mode, "agentA"));
            case ParticipantRejoined -> {
                SupervisorMode from = mode == SupervisorMode.Monitor ? SupervisorMode.Coach : SupervisorMode.Monitor;
                Participant supervisor = fixture.supervisor("sup", from, "agentA");
                fixture.act(() -> interaction.switchMode(supervisor, mode, fixture.tick()));
            }
            case ParticipantLeft -> {
                Participant supervisor = fixture.supervisor("sup", mode, "agentA");
                fixture.act(() -> interaction.leave(supervisor, null, fixture.tick()));
            }
            default -> {
                Participant supervisor = fixture.supervisor("sup", mode, "agentA");
                InteractionOperation operation = InteractionOperation.valueOf(kind.name());
                fixture.act(() -> interaction.write(supervisor, operation, TEXT, fixture.tick()));
            }
        }
    }

    private static boolean isTheEntry(Map<String, Object> message, EntryType type, String fromNickname) {
        @SuppressWarnings("unchecked")
        Map<String, Object> from = (Map<String, Object>) message.get("from");
        return type.name().equals(message.get("type")) && fromNickname.equals(from.get("nickname"))
                && (type == EntryType.ParticipantJoined || type == EntryType.ParticipantRejoined || type == EntryType.ParticipantLeft
                        || TEXT.equals(message.get("text")));
    }

    private static EntryType entryType(Kind kind) {
        return switch (kind) {
            case ParticipantJoined, ParticipantRejoined, ParticipantLeft -> EntryType.valueOf(kind.name());
            case SendMessage, SendToAgents -> EntryType.Text;
            case SendStartTypingNotification, SendStartTypingToAgentsNotification -> EntryType.TypingStarted;
        };
    }

    private static void assertReaders(InteractionFixture fixture, EntryType type, String writer, boolean customer, boolean monitoredAgent,
            boolean otherAgent, boolean monitoringSupervisor, boolean otherSupervisor) {
        assertThat(fixture.messagesTo("agentA")).as("monitored agent").filteredOn(m -> isTheEntry(m, type, writer))
                .hasSize(monitoredAgent ? 1 : 0);
        assertThat(fixture.messagesTo("agentB")).as("other agent").filteredOn(m -> isTheEntry(m, type, writer))
                .hasSize(otherAgent ? 1 : 0);
        assertThat(fixture.messagesTo("sup")).as("monitoring supervisor").filteredOn(m -> isTheEntry(m, type, writer))
                .hasSize(monitoringSupervisor ? 1 : 0);
        assertThat(fixture.messagesTo("otherSup")).as("other supervisor").filteredOn(m -> isTheEntry(m, type, writer))
                .hasSize(otherSupervisor ? 1 : 0);

        List<Map<String, Object>> live = InteractionView.customerMessages(fixture.changes.newForCustomer());
        assertThat(live).as("customer, live").filteredOn(m -> isTheEntry(m, type, writer)).hasSize(customer ? 1 : 0);
        assertThat(InteractionView.customerTranscript(fixture.interaction)).as("customer's transcript")
                .filteredOn(m -> isTheEntry(m, type, writer)).hasSize(customer ? 1 : 0);
        Participant agentA = fixture.user("agentA");
        if (agentA.present()) {
            fixture.interaction.complete(agentA, InteractionOperation.Complete, null, fixture.tick());
        }
        assertThat(InteractionView.customerTranscript(fixture.interaction)).as("customer's transcript read after the chat ended")
                .filteredOn(m -> isTheEntry(m, type, writer)).hasSize(customer ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} {1}: customer {2}, monitored agent {3}, other agent {4}, monitoring supervisor {5}, other supervisor {6}")
    @CsvSource({
            // A monitor is known to supervisors only; once gone it reads nothing more, not even its own departure.
            "Monitor, ParticipantJoined,                   false, false, false, true,  true",
            "Monitor, ParticipantRejoined,                 false, false, false, true,  true",
            "Monitor, ParticipantLeft,                     false, false, false, false, true",
            // A coach is known to agents and supervisors, never to the customer.
            "Coach,   ParticipantJoined,                   false, true,  true,  true,  true",
            "Coach,   ParticipantRejoined,                 false, true,  true,  true,  true",
            "Coach,   ParticipantLeft,                     false, true,  true,  false, true",
            "Coach,   SendToAgents,                        false, true,  true,  true,  true",
            "Coach,   SendStartTypingToAgentsNotification, false, true,  true,  true,  true",
            // A barged-in supervisor is everyone's, except what it writes to agents only.
            "BargeIn, ParticipantJoined,                   true,  true,  true,  true,  true",
            "BargeIn, ParticipantRejoined,                 true,  true,  true,  true,  true",
            "BargeIn, ParticipantLeft,                     true,  true,  true,  false, true",
            "BargeIn, SendMessage,                         true,  true,  true,  true,  true",
            "BargeIn, SendStartTypingNotification,         true,  true,  true,  true,  true",
            "BargeIn, SendToAgents,                        false, true,  true,  true,  true",
            "BargeIn, SendStartTypingToAgentsNotification, false, true,  true,  true,  true"})
    void whoReadsWhatTheSupervisorProduces(SupervisorMode mode, Kind kind, boolean customer, boolean monitoredAgent, boolean otherAgent,
            boolean monitoringSupervisor, boolean otherSupervisor) {
        InteractionFixture fixture = conference();
        produce(fixture, mode, kind);
        assertReaders(fixture, entryType(kind), "sup", customer, monitoredAgent, otherAgent, monitoringSupervisor, otherSupervisor);
    }

    @ParameterizedTest(name = "{0} may not {1}")
    @CsvSource({
            "Monitor, SendMessage", "Monitor, SendStartTypingNotification", "Monitor, SendToAgents",
            "Monitor, SendStartTypingToAgentsNotification", "Coach, SendMessage", "Coach, SendStartTypingNotification"})
    void aSupervisorCannotWriteBeyondItsMode(SupervisorMode mode, Kind kind) {
        InteractionFixture fixture = conference();
        int written = fixture.interaction.transcript.size();
        assertThatThrownBy(() -> produce(fixture, mode, kind)).isInstanceOf(GwsException.class);
        assertThat(fixture.interaction.transcript).as("only its arrival was written").hasSize(written + 1);
    }

    @ParameterizedTest(name = "{1} by {0}: customer {2}, monitored agent {3}, other agent {4}, monitoring supervisor {5}, other supervisor {6}")
    @CsvSource({
            "agentA,       SendMessage,                         true,  true,  true,  true,  true",
            "agentA,       SendStartTypingNotification,         true,  true,  true,  true,  true",
            "agentA,       SendToAgents,                        false, true,  true,  true,  true",
            "agentA,       SendStartTypingToAgentsNotification, false, true,  true,  true,  true",
            "test_clientL, SendMessage,                         true,  true,  true,  true,  true",
            "test_clientL, SendStartTypingNotification,         true,  true,  true,  true,  true"})
    void whoReadsWhatTheAgentAndTheCustomerWriteWhileACoachIsThere(String writer, Kind kind, boolean customer, boolean monitoredAgent,
            boolean otherAgent, boolean monitoringSupervisor, boolean otherSupervisor) {
        InteractionFixture fixture = conference();
        fixture.supervisor("sup", SupervisorMode.Coach, "agentA");
        Interaction interaction = fixture.interaction;
        if (writer.equals("test_clientL")) {
            fixture.act(() -> interaction.customerWrites(entryType(kind), TEXT, fixture.tick()));
        } else {
            fixture.act(() -> interaction.write(fixture.user(writer), InteractionOperation.valueOf(kind.name()), TEXT, fixture.tick()));
        }
        assertReaders(fixture, entryType(kind), writer, customer, monitoredAgent, otherAgent, monitoringSupervisor, otherSupervisor);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SupervisorMode.class)
    void whoListsTheSupervisorAmongTheParticipants(SupervisorMode mode) {
        InteractionFixture fixture = conference();
        fixture.supervisor("sup", mode, "agentA");
        Interaction interaction = fixture.interaction;
        boolean agentsSeeIt = mode != SupervisorMode.Monitor;
        boolean customerSeesIt = mode == SupervisorMode.BargeIn;
        assertThat(InteractionFixture.nicknames(fixture.resourceOf("agentA")).contains("sup")).as("monitored agent").isEqualTo(agentsSeeIt);
        assertThat(InteractionFixture.nicknames(fixture.resourceOf("agentB")).contains("sup")).as("other agent").isEqualTo(agentsSeeIt);
        assertThat(InteractionFixture.nicknames(fixture.resourceOf("sup"))).as("the supervisor itself").contains("sup");
        assertThat(InteractionFixture.nicknames(fixture.resourceOf("otherSup"))).as("other supervisor").contains("sup");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> customerParticipants = (List<Map<String, Object>>) InteractionView.customerChat(interaction, "c-1")
                .get("participants");
        assertThat(customerParticipants.stream().anyMatch(p -> Objects.equals(p.get("nickname"), "sup"))).as("customer")
                .isEqualTo(customerSeesIt);
        assertThat(customerParticipants.stream().anyMatch(p -> Objects.equals(p.get("nickname"), "otherSup"))).as("customer, the other monitor")
                .isFalse();
    }
}
