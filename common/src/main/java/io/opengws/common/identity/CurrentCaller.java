package io.opengws.common.identity;

import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.StatusCode;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being served, set by the {@link AuthenticationFilter}; resources inject it. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;
    private boolean sessionIsNew;
    private boolean sessionEnded;

    void set(Caller caller, boolean sessionIsNew) {
        this.caller = caller;
        this.sessionIsNew = sessionIsNew;
    }

    public Caller get() {
        if (caller == null) {
            throw new GwsException(StatusCode.NOT_AUTHENTICATED, "Authentication is required: send HTTP Basic credentials or the session cookie.");
        }
        return caller;
    }

    public boolean isPresent() {
        return caller != null;
    }

    /** The request ends the HTTP session: its cookie is cleared in the answer instead of renewed. */
    public void endSession() {
        this.sessionEnded = true;
    }

    boolean sessionIsNew() {
        return sessionIsNew;
    }

    boolean sessionEnded() {
        return sessionEnded;
    }
}
