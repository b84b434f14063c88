package io.opengws.common.interaction;

/**
 * What a participant is to the engine. On the wire a supervisor is {@code type: "Agent"} (seed 004); the
 * engine still tells them apart because supervisors read everything, are seen per their mode and do not
 * count as agents (CONTRACT decision 18).
 */
public enum ParticipantRole {
    CUSTOMER("Customer", Audience.CUSTOMER),
    AGENT("Agent", Audience.AGENT),
    SUPERVISOR("Agent", Audience.SUPERVISOR);

    private final String wireType;
    private final Audience audience;

    ParticipantRole(String wireType, Audience audience) {
        this.wireType = wireType;
        this.audience = audience;
    }

    /** The participant's {@code type} on the wire: {@code Agent} or {@code Customer}. */
    public String wireType() {
        return wireType;
    }

    /** How a participant in this role reads the interaction. */
    public Audience audience() {
        return audience;
    }
}
