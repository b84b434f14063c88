package io.opengws.common.interaction;

/**
 * Who can see a participant or a transcript entry (reference 3.2, 3.3): the wire values of {@code visibility}.
 * Each is a set of audiences, and the sets are nested: All ⊃ Agents ⊃ Supervisors.
 */
public enum Visibility {
    /** Customer, agents and supervisors: an agent, a barged-in supervisor, the customer. */
    All,
    /** Agents and supervisors, never the customer: a coaching supervisor, a consultation. */
    Agents,
    /** Supervisors only: a silently monitoring supervisor. */
    Supervisors;

    public boolean seenBy(Audience audience) {
        return switch (this) {
            case All -> true;
            case Agents -> audience != Audience.CUSTOMER;
            case Supervisors -> audience == Audience.SUPERVISOR;
        };
    }

    /**
     * The narrower of the two. A message never reaches further than its sender is seen, so whatever a coach
     * or monitor manages to send cannot leak to an audience that does not even know it is there.
     */
    public Visibility narrowest(Visibility other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
