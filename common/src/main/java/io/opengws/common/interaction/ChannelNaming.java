package io.opengws.common.interaction;

/**
 * Everything that differs between a chat and an SMS session on the wire (reference 4.1, CONTRACT decisions
 * 10 and 14): the rules are the same, only these names change. The renderer takes one of the two constants.
 *
 * @param channel        the channel name of sessions and monitoring ({@code /api/v2/me/channels/{channel}})
 * @param resourceKey    the key of the resource inside a state-change message
 * @param segment        the collection segment of {@code /api/v2/{segment}/{id}} and {@code /api/v2/me/{segment}/{id}}
 * @param stateMessageType the {@code messageType} of state-change messages
 * @param logUriKey      the key of the absolute resource URI in {@code MessageLogUpdated}
 * @param logPathKey     the key of the relative resource path in {@code MessageLogUpdated}
 * @param topic          the CometD channel the recipient's messages are delivered on
 * @param offersLeaveAndComplete SMS sessions list {@code LeaveAndComplete} among an agent's capabilities (reference 4.1)
 */
public record ChannelNaming(String channel, String resourceKey, String segment, String stateMessageType, String logUriKey,
        String logPathKey, String topic, boolean offersLeaveAndComplete) {

    public static final ChannelNaming CHAT = new ChannelNaming("chat", "chat", "chats", "ChatStateChangeMessage", "chatUri",
            "chatPath", "/v2/me/chats", false);

    public static final ChannelNaming SMS = new ChannelNaming("smssession", "smssession", "smssessions",
            "SMSsessionStateChangeMessage", "smssessionUri", "smssessionPath", "/v2/me/smssessions", true);

    /** The naming of a stored interaction's {@code channel}. */
    public static ChannelNaming of(String channel) {
        if (CHAT.channel.equals(channel)) {
            return CHAT;
        }
        if (SMS.channel.equals(channel)) {
            return SMS;
        }
        throw new IllegalArgumentException("No multimedia channel named " + channel);
    }

    /** {@code /chats/{id}}: the relative {@code path} of the resource (no {@code /me}, reference 3.2). */
    public String path(String interactionId) {
        return "/" + segment + "/" + interactionId;
    }

    /** {@code {origin}/api/v2/chats/{id}}: the absolute {@code uri} of the resource. */
    public String uri(String publicOrigin, String interactionId) {
        return publicOrigin + "/api/v2" + path(interactionId);
    }
}
