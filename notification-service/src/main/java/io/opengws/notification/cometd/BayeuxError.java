package io.opengws.notification.cometd;

/**
 * The error strings of replies, {@code code:args:message}, as CometD 3 writes them (GWS 8.5 runs CometD 3;
 * CONTRACT.md decision 20).
 */
public enum BayeuxError {
    UNKNOWN_CLIENT("402::Unknown client"),
    HANDSHAKE_DENIED("403::Handshake denied"),
    SUBSCRIPTION_MISSING("403::subscription_missing"),
    SUBSCRIPTION_INVALID("403::subscription_invalid"),
    SUBSCRIBE_FAILED("403::subscribe_failed"),
    PUBLISH_DENIED("403::Publish denied"),
    CHANNEL_MISSING("400::channel missing");

    private final String text;

    BayeuxError(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
