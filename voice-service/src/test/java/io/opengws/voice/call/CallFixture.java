package io.opengws.voice.call;

import java.time.Instant;

/** Calls built by hand for the domain's unit tests: a customer, agents and supervisors with readable leg ids. */
final class CallFixture {

    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    final Call call = new Call();

    CallFixture(String id) {
        call.id = id;
        call.connId = "00000000000000" + id.length();
        call.contactCenterId = "cc";
        call.createdAt = NOW;
    }

    Party customer(String number, LegState state) {
        return call.add(party(number, PartyRole.CUSTOMER, number, state, CallType.Outbound));
    }

    Party agent(String legId, String number, LegState state) {
        Party agent = party(legId, PartyRole.AGENT, number, state, CallType.Inbound);
        agent.deviceId = "device-" + number;
        agent.userId = "user-" + number;
        return call.add(agent);
    }

    Party supervisor(String legId, String number, Party monitored, MonitoringType type, MonitoringScope scope) {
        Party supervisor = party(legId, PartyRole.SUPERVISOR, number, LegState.Established, CallType.Inbound);
        supervisor.deviceId = "device-" + number;
        supervisor.userId = "user-" + number;
        supervisor.supervision = new Supervision();
        supervisor.supervision.subscriptionDeviceId = supervisor.deviceId;
        supervisor.supervision.monitoredUserId = monitored.userId;
        supervisor.supervision.monitoredLegId = monitored.legId;
        supervisor.supervision.type = type;
        supervisor.supervision.scope = scope;
        supervisor.supervision.mode = MonitoringMode.AllCalls;
        return call.add(supervisor);
    }

    private static Party party(String legId, PartyRole role, String number, LegState state, CallType type) {
        Party party = Party.of(legId, role, null, null, number, state, type, NOW);
        if (state == LegState.Established) {
            party.establishedAt = NOW;
        }
        return party;
    }
}
