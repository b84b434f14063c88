package io.opengws.voice.telephony;

/**
 * A change that started from a call in memory ({@link CallCache}) cannot be written that way: the row has moved on since
 * (another replica, or a change of this service not committed when it started), or the change turned out to need more
 * than its one call. Nothing was written; the change is done again from the row, locked.
 */
public class StaleCall extends RuntimeException {

    public StaleCall(String message) {
        super(message, null, false, false);
    }
}
