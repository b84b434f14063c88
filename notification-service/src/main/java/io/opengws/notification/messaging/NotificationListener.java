package io.opengws.notification.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.opengws.notification.cometd.BayeuxPrincipal;
import io.opengws.notification.cometd.BayeuxServer;
import io.opengws.notification.cometd.CometdConfig;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.NonBlocking;
import io.opengws.notification.session.ChannelActivations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The fan-out (ARCHITECTURE.md): reads the three notification topics and hands each event to the CometD
 * sessions of its recipient on this replica. Every replica has consumer groups of its own (see
 * application.properties), so each reads every partition from the latest offset. A record's data is passed on as
 * the text it came in ({@link RawNotification}). Records are handled one
 * after another on the consumer's event loop, in partition order: delivering only hands a message to each
 * session's own context, so nothing here blocks.
 */
@ApplicationScoped
public class NotificationListener {

    public static final String VOICE = "notifications-voice";
    public static final String CHAT = "notifications-chat";
    public static final String SMS = "notifications-sms";

    private final BayeuxServer bayeux;
    private final ChannelActivations activations;
    private final RecentEventIds delivered;

    @Inject
    NotificationListener(BayeuxServer bayeux, ChannelActivations activations, CometdConfig config) {
        this.bayeux = bayeux;
        this.activations = activations;
        this.delivered = new RecentEventIds(config.rememberedEventIds());
    }

    @Incoming(VOICE)
    @NonBlocking
    void voice(ConsumerRecord<String, String> record) {
        fanOut(record);
    }

    @Incoming(CHAT)
    @NonBlocking
    void chat(ConsumerRecord<String, String> record) {
        fanOut(record);
    }

    @Incoming(SMS)
    @NonBlocking
    void sms(ConsumerRecord<String, String> record) {
        fanOut(record);
    }

    /** Delivers one record; a malformed one is logged and skipped, so it never blocks its partition. */
    void fanOut(ConsumerRecord<String, String> record) {
        RawNotification event;
        try {
            event = RawNotification.parse(record.value());
        } catch (IllegalArgumentException e) {
            skip(record, "not a NotificationEvent");
            return;
        }
        if (event.userId() == null || event.contactCenterId() == null || event.channel() == null || event.data() == null) {
            skip(record, "userId, contactCenterId, channel and data are required");
            return;
        }
        if (event.eventId() != null && !delivered.firstSighting(event.eventId())) {
            Log.debugf("Notification %s already delivered; skipped", event.eventId());
            return;
        }
        bayeux.deliver(new BayeuxPrincipal(event.userId(), event.contactCenterId()), event.channel(), event.data());
        activations.delivered(event.userId(), event.activatesChannel());
    }

    private static void skip(ConsumerRecord<String, String> record, String why) {
        Log.warnf("Skipped the record at %s-%d offset %d: %s", record.topic(), record.partition(), record.offset(), why);
    }
}
