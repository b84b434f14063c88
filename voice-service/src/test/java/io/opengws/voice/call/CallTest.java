package io.opengws.voice.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How parties come and go: answering, hanging up, the queue, transfer and conference with both scopes. */
class CallTest {

    @Test
    void answeringConnectsTheCaller() {
        CallFixture fixture = new CallFixture("C1");
        Party caller = fixture.customer("+1555", LegState.Dialing);
        Party agent = fixture.agent("A", "6001", LegState.Ringing);
        fixture.call.answer(agent, CallFixture.NOW);
        assertEquals(LegState.Established, agent.state);
        assertEquals(LegState.Established, caller.state);
    }

    @Test
    void aTwoPartyCallEndsForEveryoneWhenOneHangsUp() {
        CallFixture fixture = new CallFixture("C1");
        Party caller = fixture.customer("+1555", LegState.Established);
        Party agent = fixture.agent("A", "6001", LegState.Established);
        Party supervisor = fixture.supervisor("S", "6009", agent, MonitoringType.Coach, MonitoringScope.Call);
        fixture.call.release(caller);
        assertEquals(List.of(LegState.Released, LegState.Released, LegState.Released), List.of(caller.state, agent.state, supervisor.state));
        assertTrue(fixture.call.ended());
    }

    @Test
    void aQueuedCustomerWaitsUntilItHangsUp() {
        CallFixture fixture = new CallFixture("C1");
        Party caller = fixture.customer("+1555", LegState.Dialing);
        Party agent = fixture.agent("A", "6001", LegState.Ringing);
        fixture.call.queuedAt = CallFixture.NOW;
        fixture.call.release(agent);
        assertEquals(LegState.Dialing, caller.state);
        fixture.call.release(caller);
        assertTrue(fixture.call.ended());
        assertEquals(null, fixture.call.queuedAt);
    }

    @Test
    void aRoutedCallDeclinedWhileRingingGoesBackToItsPlaceInTheQueue() {
        CallFixture fixture = new CallFixture("C1");
        Party caller = fixture.customer("+1555", LegState.Dialing);
        Party agent = fixture.agent("A", "6001", LegState.Ringing);
        fixture.call.routed = true;
        assertEquals(true, fixture.call.hangUp(agent));
        assertEquals(CallFixture.NOW, fixture.call.queuedAt);
        assertEquals(List.of(caller), fixture.call.liveParties());

        CallFixture direct = new CallFixture("C2");
        direct.customer("+1555", LegState.Dialing);
        Party called = direct.agent("B", "6002", LegState.Ringing);
        assertEquals(false, direct.call.hangUp(called));
        assertTrue(direct.call.ended());
    }

    @Test
    void aSupervisorWhoHangsUpLeavesTheCallToTheOthers() {
        CallFixture fixture = new CallFixture("C1");
        Party caller = fixture.customer("+1555", LegState.Established);
        Party agent = fixture.agent("A", "6001", LegState.Established);
        Party supervisor = fixture.supervisor("S", "6009", agent, MonitoringType.BargeIn, MonitoringScope.Call);
        fixture.call.release(supervisor);
        assertEquals(List.of(caller, agent), fixture.call.liveParties());
    }

    @Test
    void transferWithScopeAgentTakesTheSupervisorAwayWithTheAgent() {
        Transfer transfer = new Transfer(MonitoringScope.Agent);
        Call.completeTransfer(transfer.original.call, transfer.held, transfer.consultation.call, transfer.consultLeg);
        assertEquals(LegState.Released, transfer.supervisor.state);
        assertEquals(List.of(transfer.caller, transfer.target), transfer.original.call.liveParties());
        assertEquals(LegState.Released, transfer.held.state);
        assertEquals(LegState.Released, transfer.consultLeg.state);
        assertTrue(transfer.consultation.call.ended());
    }

    @Test
    void transferWithScopeCallKeepsTheSupervisorOnTheCallWithTheNewAgent() {
        Transfer transfer = new Transfer(MonitoringScope.Call);
        Call.completeTransfer(transfer.original.call, transfer.held, transfer.consultation.call, transfer.consultLeg);
        assertEquals(LegState.Established, transfer.supervisor.state);
        assertEquals("B", transfer.supervisor.supervision.monitoredLegId);
        assertEquals(List.of(transfer.caller, transfer.supervisor, transfer.target), transfer.original.call.liveParties());
    }

    @Test
    void completingAConferenceBringsEveryoneTogether() {
        Transfer transfer = new Transfer(MonitoringScope.Agent);
        Call.completeConference(transfer.original.call, transfer.held, transfer.consultation.call, transfer.consultLeg, CallFixture.NOW);
        assertEquals(LegState.Established, transfer.held.state);
        assertEquals(LegState.Established, transfer.supervisor.state);
        assertEquals(List.of(transfer.caller, transfer.held, transfer.supervisor, transfer.target), transfer.original.call.liveParties());
        assertEquals(null, transfer.held.consultLegId);
    }

    /** Customer and agent A on C1 with A's supervisor; A on hold, consulting agent B on C2. */
    private static final class Transfer {
        final CallFixture original = new CallFixture("C1");
        final CallFixture consultation = new CallFixture("C2");
        final Party caller = original.customer("+1555", LegState.Established);
        final Party held = original.agent("A", "6001", LegState.Held);
        final Party supervisor;
        final Party consultLeg = consultation.agent("A2", "6001", LegState.Established);
        final Party target = consultation.agent("B", "6002", LegState.Established);

        Transfer(MonitoringScope scope) {
            supervisor = original.supervisor("S", "6009", held, MonitoringType.Coach, scope);
            held.consultLegId = "A2";
            consultLeg.consultOfLegId = "A";
            held.consultKind = ConsultKind.Transfer;
            consultLeg.consultKind = ConsultKind.Transfer;
        }
    }
}
