package io.opengws.voice.call;

import java.util.Optional;

/**
 * One party's leg with what its capabilities depend on beyond its own state: its call, the other leg of a
 * consultation it takes part in (on another call), and the contact center's switching rule (decision 1).
 */
public record LegContext(Call call, Party party, Optional<Party> partner, Optional<Call> partnerCall, boolean freeSwitching) {

    public static LegContext alone(Call call, Party party) {
        return new LegContext(call, party, Optional.empty(), Optional.empty(), false);
    }

    /** The consultation is connected: the party consulted has answered. */
    boolean consultationConnected() {
        Optional<Call> consult = party.consultOfLegId != null ? Optional.of(call) : partnerCall;
        Optional<Party> consultLeg = party.consultOfLegId != null ? Optional.of(party) : partner;
        return consult.isPresent() && consultLeg.isPresent() && consult.get().livePrincipals().stream()
                .anyMatch(other -> other != consultLeg.get() && other.state == LegState.Established);
    }

    boolean inConsultation() {
        return partner.filter(Party::live).isPresent();
    }

    /** Three or more principals: a conference. */
    boolean conference() {
        return call.livePrincipals().size() > 2;
    }

    Supervision supervision() {
        return party.supervision;
    }
}
