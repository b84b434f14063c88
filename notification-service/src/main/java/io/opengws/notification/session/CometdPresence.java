package io.opengws.notification.session;

/** Whether a user holds a live CometD connection: a session with one does not expire. */
public interface CometdPresence {

    boolean isConnected(String userId);
}
