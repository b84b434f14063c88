package io.opengws.voice.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Decision 3: who sees a supervisor among a call's participants, for every type and every kind of viewer. */
class CallViewTest {

    private static final CallView.Links LINKS = new CallView.Links() {
        @Override
        public String deviceUri(String deviceId) {
            return "http://localhost:8080/api/v2/devices/" + deviceId;
        }

        @Override
        public String callUri(String legId) {
            return "http://localhost:8080/api/v2/me/calls/" + legId;
        }
    };

    /** A conference: customer, monitored agent A, other agent B, monitoring supervisor S, another supervisor T. */
    @ParameterizedTest(name = "{0}: customer {1}, monitored agent {2}, other agent {3}, other supervisor {4}")
    @CsvSource({
            "ListenIn, false, false, false, true",
            "Coach,    false, true,  false, true",
            "BargeIn,  true,  true,  true,  true"})
    void whoSeesTheMonitoringSupervisor(MonitoringType type, boolean customer, boolean monitoredAgent, boolean otherAgent,
            boolean otherSupervisor) {
        CallFixture fixture = new CallFixture("C1");
        Party caller = fixture.customer("+15551234567", LegState.Established);
        Party agentA = fixture.agent("A", "6001", LegState.Established);
        Party agentB = fixture.agent("B", "6002", LegState.Established);
        Party supervisor = fixture.supervisor("S", "6009", agentA, type, MonitoringScope.Call);
        Party other = fixture.supervisor("T", "6010", agentB, MonitoringType.ListenIn, MonitoringScope.Call);

        assertEquals(customer, CallView.participants(fixture.call, caller).contains(supervisor), "customer");
        assertEquals(monitoredAgent, CallView.participants(fixture.call, agentA).contains(supervisor), "monitored agent");
        assertEquals(otherAgent, CallView.participants(fixture.call, agentB).contains(supervisor), "other agent");
        assertEquals(otherSupervisor, CallView.participants(fixture.call, other).contains(supervisor), "other supervisor");
        assertEquals(List.of(caller, agentA, agentB), CallView.participants(fixture.call, supervisor).subList(0, 3),
                "the supervisor sees the whole call");
    }

    @Test
    void aRingingSupervisorIsSeenByNobodyAndFlagsNothing() {
        CallFixture fixture = new CallFixture("C1");
        Party caller = fixture.customer("+15551234567", LegState.Established);
        Party agent = fixture.agent("A", "6001", LegState.Established);
        Party supervisor = fixture.supervisor("S", "6009", agent, MonitoringType.BargeIn, MonitoringScope.Call);
        supervisor.state = LegState.Ringing;
        assertEquals(List.of(agent), CallView.participants(fixture.call, caller));
        assertEquals(false, CallView.supervisorListeningIn(fixture.call, agent));
    }

    @Test
    void theAgentsCallSaysASupervisorListensInListenInAndCoachOnly() {
        for (MonitoringType type : MonitoringType.values()) {
            CallFixture fixture = new CallFixture("C1");
            fixture.customer("+15551234567", LegState.Established);
            Party agent = fixture.agent("A", "6001", LegState.Established);
            fixture.supervisor("S", "6009", agent, type, MonitoringScope.Call);
            assertEquals(type != MonitoringType.BargeIn, CallView.supervisorListeningIn(fixture.call, agent), type.name());
        }
    }

    @Test
    void theSupervisorsCallIsAMonitoringCallMutedInListenIn() {
        CallFixture fixture = new CallFixture("C1");
        fixture.customer("+15551234567", LegState.Established);
        Party agent = fixture.agent("A", "6001", LegState.Established);
        Party supervisor = fixture.supervisor("S", "6009", agent, MonitoringType.ListenIn, MonitoringScope.Call);
        Map<String, Object> view = CallView.of(LegContext.alone(fixture.call, supervisor), LINKS, CallFixture.NOW);
        assertEquals("S", view.get("id"));
        assertEquals("C1", view.get("callUuid"));
        assertEquals("http://localhost:8080/api/v2/me/calls/S", view.get("uri"));
        assertEquals("/calls/S", view.get("path"));
        assertEquals("http://localhost:8080/api/v2/devices/device-6009", view.get("deviceUri"));
        assertEquals("On", view.get("mute"));
        assertEquals(true, view.get("monitoring"));
        assertEquals(List.of("Hangup", "SwitchToBargeIn"), view.get("capabilities"));
    }

    @Test
    void eachChangeHasItsNotificationType() {
        Map<String, Object> before = Map.of("state", "Established", "capabilities", List.of("Hangup"), "mute", "Off",
                "callType", "Inbound", "participants", List.of("a"), "supervisorListeningIn", false,
                "userData", Map.of(), "monitoredUserMuted", false, "duration", "1");
        assertEquals(Optional.of("StatusChange"), CallView.notificationType(null, before));
        assertEquals(Optional.empty(), CallView.notificationType(before, changed(before, "duration", "9")));
        assertEquals(Optional.of("StatusChange"), CallView.notificationType(before, changed(before, "state", "Held")));
        assertEquals(Optional.of("StatusChange"), CallView.notificationType(before, changed(before, "mute", "On")));
        assertEquals(Optional.of("ParticipantsUpdated"), CallView.notificationType(before, changed(before, "participants", List.of())));
        assertEquals(Optional.of("ParticipantsUpdated"), CallView.notificationType(before, changed(before, "supervisorListeningIn", true)));
        assertEquals(Optional.of("AttachedDataChanged"), CallView.notificationType(before, changed(before, "userData", Map.of("k", "v"))));
        assertEquals(Optional.of("MonitoredUserMutedStateChange"), CallView.notificationType(before, changed(before, "monitoredUserMuted", true)));
    }

    private static Map<String, Object> changed(Map<String, Object> view, String field, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(view);
        copy.put(field, value);
        return copy;
    }
}
