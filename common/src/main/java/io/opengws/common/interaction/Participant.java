package io.opengws.common.interaction;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One participant of an interaction: the customer, an agent, or a supervisor, with the state its own resource
 * shows. Participants are never removed, so a transcript entry's sender and a finished participant's last state
 * stay readable.
 */
public class Participant {

    /** The participant's id on the agents' side of the wire (seed 004: 16 upper-case hex). */
    public String participantId;
    public ParticipantRole role;
    /** The user behind an agent or supervisor; null for the customer. */
    public String userId;
    public String nickname;
    public Visibility visibility;
    public InteractionState state;
    /** Only for a supervisor. */
    public SupervisorMode mode;
    /** Only for a supervisor: the agent whose monitoring brought it here. */
    public String monitoredUserId;
    /**
     * The participant's id as the customer sees it ({@code "1"}, {@code "2"}, reference 3.9), given the first
     * time the customer can see this participant: numbered apart from {@link #participantId} so that the customer
     * can never count a participant hidden from it.
     */
    public String customerParticipantId;
    public Instant joinedAt;

    static Participant of(String participantId, ParticipantRole role, String userId, String nickname, Visibility visibility,
            InteractionState state, Instant now) {
        Participant participant = new Participant();
        participant.participantId = participantId;
        participant.role = role;
        participant.userId = userId;
        participant.nickname = nickname;
        participant.visibility = visibility;
        participant.state = state;
        participant.joinedAt = now;
        return participant;
    }

    /** In the conversation now: sees new messages and is listed among the participants. */
    @JsonIgnore
    public boolean present() {
        return state == InteractionState.Chatting;
    }

    @JsonIgnore
    public boolean isSupervisor() {
        return role == ParticipantRole.SUPERVISOR;
    }

    @JsonIgnore
    public boolean isAgent() {
        return role == ParticipantRole.AGENT;
    }

    @JsonIgnore
    public boolean isCustomer() {
        return role == ParticipantRole.CUSTOMER;
    }

    @JsonIgnore
    public Audience audience() {
        return role.audience();
    }

    /** Who this participant is, as a transcript entry records its sender at the time of writing. */
    Sender asSender() {
        return new Sender(participantId, role, userId, nickname, visibility, customerParticipantId);
    }
}
