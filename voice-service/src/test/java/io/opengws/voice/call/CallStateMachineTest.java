package io.opengws.voice.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Every row of the call state table, as the capabilities each leg shows. */
class CallStateMachineTest {

    private static final List<String> USER_DATA = List.of("AttachUserData", "UpdateUserData", "DeleteUserData", "DeleteUserDataPair");

    private static List<String> capabilities(LegContext context) {
        return CallStateMachine.capabilities(context);
    }

    private static List<String> with(List<String> first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(rest);
        return all;
    }

    @Test
    void aRingingAgentMayAnswerHangUpAndHandleUserData() {
        CallFixture fixture = new CallFixture("C1");
        fixture.customer("+1555", LegState.Dialing);
        Party agent = fixture.agent("A", "6001", LegState.Ringing);
        assertEquals(with(List.of("Answer", "Hangup"), USER_DATA), capabilities(LegContext.alone(fixture.call, agent)));
    }

    @Test
    void aDialingAgentMayOnlyHangUpAndHandleUserData() {
        CallFixture fixture = new CallFixture("C1");
        Party agent = fixture.agent("A", "6001", LegState.Dialing);
        fixture.agent("B", "6002", LegState.Ringing);
        assertEquals(with(List.of("Hangup"), USER_DATA), capabilities(LegContext.alone(fixture.call, agent)));
    }

    @Test
    void anEstablishedAgentMayHoldTransferConferenceSendDtmfAndMute() {
        CallFixture fixture = new CallFixture("C1");
        fixture.customer("+1555", LegState.Established);
        Party agent = fixture.agent("A", "6001", LegState.Established);
        assertEquals(with(with(List.of("Hangup", "Hold", "InitiateTransfer", "SingleStepTransfer", "InitiateConference",
                "SingleStepConference", "SendDtmf"), USER_DATA), List.of("MuteCall")), capabilities(LegContext.alone(fixture.call, agent)));
        agent.muted = true;
        assertTrue(capabilities(LegContext.alone(fixture.call, agent)).contains("UnmuteCall"));
        assertFalse(capabilities(LegContext.alone(fixture.call, agent)).contains("MuteCall"));
    }

    @Test
    void removingAParticipantNeedsAConference() {
        CallFixture fixture = new CallFixture("C1");
        fixture.customer("+1555", LegState.Established);
        Party agent = fixture.agent("A", "6001", LegState.Established);
        assertFalse(capabilities(LegContext.alone(fixture.call, agent)).contains("RemoveParticipantFromConference"));
        fixture.agent("B", "6002", LegState.Established);
        assertTrue(capabilities(LegContext.alone(fixture.call, agent)).contains("RemoveParticipantFromConference"));
    }

    @Test
    void aHeldAgentMayRetrieveOrHangUp() {
        CallFixture fixture = new CallFixture("C1");
        fixture.customer("+1555", LegState.Established);
        Party agent = fixture.agent("A", "6001", LegState.Held);
        assertEquals(with(List.of("Hangup", "Retrieve"), USER_DATA), capabilities(LegContext.alone(fixture.call, agent)));
    }

    /** Customer and agent A (held) on C1; A's consult leg A2 dialling agent B (ringing) on C2. */
    private static final class Consultation {
        final CallFixture original = new CallFixture("C1");
        final CallFixture consultation = new CallFixture("C2");
        final Party held;
        final Party consultLeg;
        final Party target;

        Consultation(ConsultKind kind) {
            original.customer("+1555", LegState.Established);
            held = original.agent("A", "6001", LegState.Held);
            consultLeg = consultation.agent("A2", "6001", LegState.Dialing);
            target = consultation.agent("B", "6002", LegState.Ringing);
            held.consultLegId = "A2";
            held.consultKind = kind;
            consultLeg.consultOfLegId = "A";
            consultLeg.consultKind = kind;
        }

        LegContext onHeld() {
            return new LegContext(original.call, held, Optional.of(consultLeg), Optional.of(consultation.call), false);
        }

        LegContext onConsult() {
            return new LegContext(consultation.call, consultLeg, Optional.of(held), Optional.of(original.call), false);
        }
    }

    @Test
    void aConsultationOffersItsCompletionAndSwapOnBothLegs() {
        Consultation consultation = new Consultation(ConsultKind.Transfer);
        Party consultLeg = consultation.consultLeg;
        Party target = consultation.target;
        LegContext onHeld = consultation.onHeld();
        assertEquals(with(List.of("Hangup", "Retrieve", "CompleteTransfer", "SwapCalls"), USER_DATA), capabilities(onHeld));

        consultLeg.state = LegState.Established;
        target.state = LegState.Established;
        LegContext onConsult = consultation.onConsult();
        assertEquals(with(with(List.of("Hangup", "Hold", "CompleteTransfer", "SwapCalls", "SendDtmf"), USER_DATA), List.of("MuteCall")),
                capabilities(onConsult));
        assertEquals(with(List.of("Hangup", "CompleteTransfer", "SwapCalls"), USER_DATA), capabilities(onHeld),
                "no Retrieve while the consultation is connected: SwapCalls does it");
    }

    @Test
    void aConferenceCompletesOnlyOnceTheConsultedPartyAnswered() {
        Consultation consultation = new Consultation(ConsultKind.Conference);
        Party consultLeg = consultation.consultLeg;
        Party target = consultation.target;
        LegContext onHeld = consultation.onHeld();
        assertFalse(capabilities(onHeld).contains("CompleteConference"));
        target.state = LegState.Established;
        consultLeg.state = LegState.Established;
        assertTrue(capabilities(onHeld).contains("CompleteConference"));
        assertFalse(capabilities(onHeld).contains("CompleteTransfer"));
    }

    @Test
    void aReleasedLegHasNoCapabilities() {
        CallFixture fixture = new CallFixture("C1");
        Party agent = fixture.agent("A", "6001", LegState.Released);
        assertEquals(List.of(), capabilities(LegContext.alone(fixture.call, agent)));
    }

    @Test
    void aRingingMonitoringCallMayBeAnsweredOrHungUp() {
        CallFixture fixture = new CallFixture("C1");
        Party agent = fixture.agent("A", "6001", LegState.Established);
        Party supervisor = fixture.supervisor("S", "6009", agent, MonitoringType.Coach, MonitoringScope.Call);
        supervisor.state = LegState.Ringing;
        assertEquals(List.of("Answer", "Hangup"), capabilities(LegContext.alone(fixture.call, supervisor)));
    }

    @Test
    void anEstablishedMonitoringCallOffersTheSwitchesOfItsType() {
        CallFixture fixture = new CallFixture("C1");
        Party agent = fixture.agent("A", "6001", LegState.Established);
        Party supervisor = fixture.supervisor("S", "6009", agent, MonitoringType.ListenIn, MonitoringScope.Call);
        assertEquals(List.of("Hangup", "SwitchToBargeIn"), capabilities(LegContext.alone(fixture.call, supervisor)));
        supervisor.supervision.type = MonitoringType.Coach;
        assertEquals(List.of("Hangup", "SwitchToListenIn", "SwitchToBargeIn"), capabilities(LegContext.alone(fixture.call, supervisor)));
        supervisor.supervision.type = MonitoringType.BargeIn;
        assertEquals(List.of("Hangup", "SwitchToListenIn", "MuteMonitoredUser"), capabilities(LegContext.alone(fixture.call, supervisor)));
        supervisor.supervision.monitoredUserMuted = true;
        assertEquals(List.of("Hangup", "SwitchToListenIn", "UnmuteMonitoredUser"), capabilities(LegContext.alone(fixture.call, supervisor)));
    }

    @Test
    void freeModeSwitchingAlsoOffersSwitchToCoach() {
        CallFixture fixture = new CallFixture("C1");
        Party agent = fixture.agent("A", "6001", LegState.Established);
        Party supervisor = fixture.supervisor("S", "6009", agent, MonitoringType.ListenIn, MonitoringScope.Call);
        LegContext free = new LegContext(fixture.call, supervisor, Optional.empty(), Optional.empty(), true);
        assertEquals(List.of("Hangup", "SwitchToCoach", "SwitchToBargeIn"), capabilities(free));
    }

    @Test
    void aRefusalNamesTheOperationTheCallAndItsState() {
        CallFixture fixture = new CallFixture("C1");
        Party agent = fixture.agent("A", "6001", LegState.Ringing);
        String refusal = CallStateMachine.refusal(CallOperation.Hold, LegContext.alone(fixture.call, agent));
        assertEquals("Hold is not possible on call A in state Ringing; it needs one of the states [Established].", refusal);
        Party supervisor = fixture.supervisor("S", "6009", agent, MonitoringType.ListenIn, MonitoringScope.Call);
        assertTrue(CallStateMachine.refusal(CallOperation.SwitchToCoach, LegContext.alone(fixture.call, supervisor))
                .startsWith("SwitchToCoach is not possible on call S in state Established: it is possible only with the contact-center setting"));
        assertTrue(CallStateMachine.refusal(CallOperation.Hold, LegContext.alone(fixture.call, supervisor))
                .endsWith("this is a supervisor's monitoring call."));
    }
}
