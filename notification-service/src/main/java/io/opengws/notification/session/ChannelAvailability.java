package io.opengws.notification.session;

import java.util.Map;

import io.opengws.common.directory.Features;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.GwsStatus;
import io.opengws.common.wire.StatusCode;

/**
 * Decision 13: StartContactCenterSession checks each channel at once. A channel is known and its
 * contact center has the feature it needs; activating it is the channel service's job, confirmed on CometD.
 */
public final class ChannelAvailability {

    /** The channel names of CONTRACT.md section 2 and the feature each needs. */
    static final Map<String, String> FEATURE_OF_CHANNEL = Map.of(
            "voice", Features.VOICE,
            "chat", Features.MULTIMEDIA,
            "smssession", Features.MULTIMEDIA);

    private ChannelAvailability() {
    }

    /** @param hasFeature whether the caller's contact center has a feature */
    public static GwsStatus check(String channel, java.util.function.Predicate<String> hasFeature) {
        String feature = FEATURE_OF_CHANNEL.get(channel);
        if (feature == null) {
            return GwsStatus.of(StatusCode.INVALID_PARAMETER, "The channel '" + GwsException.echo(channel)
                    + "' is not known; use voice, chat or smssession.");
        }
        if (!hasFeature.test(feature)) {
            return GwsStatus.of(StatusCode.NOT_FOUND, "The channel '" + channel + "' is not available: the contact center does not have the feature '"
                    + feature + "'.");
        }
        return GwsStatus.ok();
    }
}
