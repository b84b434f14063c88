package io.opengws.voice.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.opengws.common.events.EventJson;
import io.opengws.voice.call.Call;
import io.opengws.voice.call.CallType;
import io.opengws.voice.call.LegState;
import io.opengws.voice.call.Party;
import io.opengws.voice.call.PartyRole;
import io.opengws.voice.repository.CallTable;

class CallChangeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aStoredCallIndexesItsLiveDeviceLegsAndReleasesTheOthers() {
        Call call = call("c1");
        call.add(party("customer", null, LegState.Established));
        call.add(party("agent", "d1", LegState.Held));
        call.add(party("gone", "d2", LegState.Released));
        CallChange change = new CallChange(NOW);
        change.store(call, call.parties);

        CallTable.Change written = change.toTable(List.of());
        assertEquals(1, written.calls().size());
        CallTable.StoredCall stored = written.calls().get(0);
        assertEquals("c1", stored.id());
        assertNull(stored.queuedAt());
        assertEquals(NOW.toString(), stored.updatedAt());
        assertEquals("c1", EventJson.read(stored.body(), Call.class).id);
        assertEquals(List.of(new CallTable.StoredLeg("agent", "c1", "d1", "Held")), written.liveLegs());
        assertEquals(List.of("gone"), written.releasedLegIds());
        assertEquals(List.of(), written.endedCallIds());
    }

    @Test
    void anEndedCallIsDeletedWithItsLegs() {
        Call call = call("c1");
        call.add(party("agent", "d1", LegState.Released));
        CallChange change = new CallChange(NOW);
        change.end(call, call.parties);

        CallTable.Change written = change.toTable(List.of());
        assertEquals(List.of(), written.calls());
        assertEquals(List.of("c1"), written.endedCallIds());
        assertEquals(List.of("agent"), written.releasedLegIds());
    }

    @Test
    void aLegThatMovedToAnotherCallIsKeptThere() {
        Call from = call("c1");
        from.add(party("moved", "d1", LegState.Released));
        Call to = call("c2");
        to.queuedAt = NOW;
        to.add(party("moved", "d1", LegState.Established));
        CallChange change = new CallChange(NOW);
        change.end(from, from.parties);
        change.store(to, to.parties);

        CallTable.Change written = change.toTable(List.of());
        assertEquals(List.of(), written.releasedLegIds());
        assertEquals(List.of(new CallTable.StoredLeg("moved", "c2", "d1", "Established")), written.liveLegs());
        assertEquals(NOW.toString(), written.calls().get(0).queuedAt());
    }

    @Test
    void devicesWhoseLegsWereReleasedAreIdleFromNow() {
        CallChange change = new CallChange(NOW);
        change.idle(java.util.Set.of("d2"));

        CallTable.Change written = change.toTable(List.of());
        assertEquals(List.of("d2"), written.idleDeviceIds());
        assertEquals(NOW.toString(), written.idleSince());
        assertEquals(false, written.isEmpty());
    }

    @Test
    void aChangeThatTouchedNothingWritesNothing() {
        assertEquals(true, new CallChange(NOW).toTable(List.of()).isEmpty());
    }

    private static Call call(String id) {
        Call call = new Call();
        call.id = id;
        call.contactCenterId = "cc";
        call.createdAt = NOW;
        return call;
    }

    private static Party party(String legId, String deviceId, LegState state) {
        return Party.of(legId, deviceId == null ? PartyRole.CUSTOMER : PartyRole.AGENT, deviceId, deviceId == null ? null : "u-" + deviceId,
                "555", state, CallType.Inbound, NOW);
    }
}
