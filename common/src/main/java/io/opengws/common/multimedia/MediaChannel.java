package io.opengws.common.multimedia;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opengws.common.events.Topics;
import io.opengws.common.interaction.ChannelNaming;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which multimedia channel this service serves ({@code gws.multimedia.channel}: {@code chat} or
 * {@code smssession}): its names on the wire and its notification topic. The beans of this package exist only in
 * a service that sets {@code gws.multimedia.enabled=true} at build time.
 */
@IfBuildProperty(name = "gws.multimedia.enabled", stringValue = "true")
@ApplicationScoped
public class MediaChannel {

    private final ChannelNaming naming;

    MediaChannel(@ConfigProperty(name = "gws.multimedia.channel") String channel) {
        this.naming = ChannelNaming.of(channel);
    }

    public ChannelNaming naming() {
        return naming;
    }

    public String name() {
        return naming.channel();
    }

    public String notificationTopic() {
        return "chat".equals(naming.channel()) ? Topics.NOTIFICATIONS_CHAT : Topics.NOTIFICATIONS_SMS;
    }

    /** The contact-center setting of how long an offer waits for Accept or Reject before it goes to another agent. */
    public String offerTimeoutSetting() {
        return naming.channel() + ".offer-timeout-seconds";
    }

    /** The contact-center setting of how many interactions of this channel an agent handles at once (CONTRACT section 4). */
    public String capacitySetting() {
        return naming.channel() + ".capacity";
    }
}
