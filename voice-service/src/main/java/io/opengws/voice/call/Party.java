package io.opengws.voice.call;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One party of a call and its leg: what that party's call resource shows. */
@RegisterForReflection
public class Party {

    /** The id of this party's call resource ({@code /api/v2/me/calls/{legId}}). */
    public String legId;
    public PartyRole role;
    /** Null for a customer. */
    public String deviceId;
    public String userId;
    public String phoneNumber;
    public LegState state;
    public CallType callType;
    public boolean muted;
    public Instant createdAt;
    public Instant establishedAt;
    /** Set the first time the party is Established in this call: monitoring joins then, once. */
    public boolean answered;
    /** On a consult leg: the held leg of the same device it consults from. */
    public String consultOfLegId;
    /** On a leg being consulted from: the consult leg of the same device. */
    public String consultLegId;
    /** On both legs of a consultation. */
    public ConsultKind consultKind;
    /** Only on a supervisor's monitoring leg. */
    public Supervision supervision;

    /** A party as it enters a call; {@code deviceId} and {@code userId} are null for a customer. */
    public static Party of(String legId, PartyRole role, String deviceId, String userId, String phoneNumber, LegState state,
            CallType callType, Instant createdAt) {
        Party party = new Party();
        party.legId = legId;
        party.role = role;
        party.deviceId = deviceId;
        party.userId = userId;
        party.phoneNumber = phoneNumber;
        party.state = state;
        party.callType = callType;
        party.createdAt = createdAt;
        return party;
    }

    /** The other leg of a consultation this leg takes part in, if any. */
    public java.util.Optional<String> partnerLegId() {
        return java.util.Optional.ofNullable(consultOfLegId != null ? consultOfLegId : consultLegId);
    }

    public boolean live() {
        return state.live();
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isSupervisor() {
        return role == PartyRole.SUPERVISOR;
    }

    /** A supervisor leg attending {@code legId}'s party. */
    public boolean monitors(String legId) {
        return supervision != null && legId.equals(supervision.monitoredLegId);
    }
}
