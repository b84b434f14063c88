package io.opengws.common.interaction;

/**
 * The {@code state} of a chat or SMS session as one agent or supervisor sees it (reference 3.2): each holds
 * its own, e.g. a supervisor is {@code Revoked} while the customer's chat goes on with another agent.
 */
public enum InteractionState {
    /** Offered to an agent, or to a supervisor after Intrude: not in the conversation yet. */
    Invited,
    /** In the conversation. */
    Chatting,
    /** An agent left the conversation but still holds the interaction to transfer or complete it. */
    LeftChat,
    /** Done: completed, rejected, or left from a conference. */
    Completed,
    /** Taken away: an offer withdrawn, or a supervisor whose chat ended or was queued (seed 004). */
    Revoked;

    /** Nothing changes any more for a participant in this state. */
    public boolean finished() {
        return this == Completed || this == Revoked;
    }
}
