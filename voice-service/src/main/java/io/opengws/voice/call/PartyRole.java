package io.opengws.voice.call;

/** Who a party of a call is: a device of the contact center, an outside number, or a monitoring supervisor. */
public enum PartyRole {
    /** A device of the contact center (an agent's phone). */
    AGENT,
    /** An outside number: the customer of the simulator, or a number dialled out. It has no device. */
    CUSTOMER,
    /** A supervisor's monitoring leg (decision 2). */
    SUPERVISOR;

    /** Agents and customers make a call; supervisors only attend it (decision 18 for voice). */
    public boolean principal() {
        return this != SUPERVISOR;
    }
}
