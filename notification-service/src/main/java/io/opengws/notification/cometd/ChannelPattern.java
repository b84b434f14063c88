package io.opengws.notification.cometd;

import java.util.Optional;

/**
 * A Bayeux channel name or subscription pattern (Bayeux 1.0 section 2): an absolute path of segments made of
 * letters, digits and {@code - _ ! ~ ( ) $ @}, optionally ending in the wildcard {@code *} (exactly one more
 * segment) or {@code **} (one or more segments).
 */
public record ChannelPattern(String value, Wildcard wildcard, String base) {

    public enum Wildcard {
        /** Matches the channel of the same name only. */
        NONE,
        /** {@code /a/*}: {@code /a/b}, not {@code /a} nor {@code /a/b/c}. */
        ONE_SEGMENT,
        /** {@code /a/**}: {@code /a/b} and {@code /a/b/c}, not {@code /a}. */
        ANY_DEPTH
    }

    private static final String META_PREFIX = "/meta/";
    private static final String SERVICE_PREFIX = "/service/";

    /** The pattern {@code value} stands for, or empty when it is not a valid channel name or pattern. */
    public static Optional<ChannelPattern> parse(String value) {
        if (value == null || !value.startsWith("/")) {
            return Optional.empty();
        }
        Wildcard wildcard = value.endsWith("/**") ? Wildcard.ANY_DEPTH
                : value.endsWith("/*") ? Wildcard.ONE_SEGMENT
                : Wildcard.NONE;
        String base = switch (wildcard) {
            case NONE -> value;
            case ONE_SEGMENT -> value.substring(0, value.length() - 2);
            case ANY_DEPTH -> value.substring(0, value.length() - 3);
        };
        if ((wildcard == Wildcard.NONE || !base.isEmpty()) && !isValidName(base)) {
            return Optional.empty();
        }
        return Optional.of(new ChannelPattern(value, wildcard, base));
    }

    /** A channel a message can be published or delivered on: no wildcard, every segment well formed. */
    public static boolean isValidName(String channel) {
        if (channel == null || channel.length() < 2 || channel.charAt(0) != '/' || channel.endsWith("/")) {
            return false;
        }
        char previous = '/';
        for (int i = 1; i < channel.length(); i++) {
            char c = channel.charAt(i);
            if (c == '/' ? previous == '/' : !isSegmentChar(c)) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** {@code /meta/**}: the protocol's own channels, never broadcast. */
    public static boolean isMeta(String channel) {
        return channel.startsWith(META_PREFIX);
    }

    /** {@code /service/**}: request/response channels, never broadcast and never recorded as subscriptions. */
    public static boolean isService(String channel) {
        return channel.startsWith(SERVICE_PREFIX);
    }

    /** Whether a message on {@code channel} (a valid name) is delivered to a subscription to this pattern. */
    public boolean matches(String channel) {
        return switch (wildcard) {
            case NONE -> value.equals(channel);
            case ONE_SEGMENT -> isBelowBase(channel) && channel.indexOf('/', base.length() + 1) < 0;
            case ANY_DEPTH -> isBelowBase(channel);
        };
    }

    public boolean isMeta() {
        return isMeta(value);
    }

    public boolean isService() {
        return isService(value);
    }

    private boolean isBelowBase(String channel) {
        return channel.length() > base.length() + 1 && channel.startsWith(base) && channel.charAt(base.length()) == '/';
    }

    private static boolean isSegmentChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-_!~()$@".indexOf(c) >= 0;
    }
}
