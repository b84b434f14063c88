package io.opengws.sms.inbound;

import java.util.List;
import java.util.Optional;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.identity.Caller;
import io.opengws.common.interaction.ChannelNaming;
import io.opengws.common.interaction.EntryType;
import io.opengws.common.interaction.Interaction;
import io.opengws.common.multimedia.InteractionDesk;
import io.opengws.common.multimedia.InteractionRepository;
import io.opengws.common.multimedia.MediaInteractionRow;
import io.opengws.common.wire.GwsException;
import io.opengws.sms.gateway.SmsMessage;
import io.opengws.sms.gateway.SmsMessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * An SMS from a phone to the contact center's SMS routing point (setting {@code smssession.routing-point}, default
 * 5001): it continues that phone's open session, or opens a new one that routing offers to an agent (CONTRACT
 * section 4).
 */
@ApplicationScoped
public class InboundSms {

    public static final String ROUTING_POINT = "smssession.routing-point";
    private static final String DEFAULT_ROUTING_POINT = "5001";

    @Inject
    InteractionDesk desk;

    @Inject
    InteractionRepository interactions;

    @Inject
    SmsMessageRepository messages;

    @Inject
    DirectoryReplica directory;

    /** @return the id of the session the text went to */
    @Transactional
    public String receive(Caller admin, String from, String to, String text) {
        String contactCenterId = admin.contactCenterId();
        String routingPoint = directory.setting(contactCenterId, ROUTING_POINT).orElse(DEFAULT_ROUTING_POINT);
        if (!routingPoint.equals(to)) {
            throw GwsException.invalidParameter("'" + GwsException.echo(to) + "' is not this contact center's SMS number; texts go to "
                    + routingPoint + ".");
        }
        if (from.isBlank() || text.isBlank()) {
            throw GwsException.invalidParameter("An SMS needs a sender number (from) and a text.");
        }
        Optional<MediaInteractionRow> open = interactions.byCustomerKey(contactCenterId, from).filter(row -> row.completedAt == null);
        String sessionId = desk.change(contactCenterId, work -> {
            Interaction session = open.flatMap(row -> work.interaction(row.id)).filter(found -> !found.isCompleted())
                    .orElseGet(() -> work.start(Interaction.start(InteractionDesk.newInteractionId(), contactCenterId, ChannelNaming.SMS,
                            from, null, work.now()), from));
            session.customerWrites(EntryType.Text, text, work.now());
            return session.id;
        });
        messages.persist(SmsMessage.of(contactCenterId, from, SmsMessage.Direction.IN, sessionId, text));
        return sessionId;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SmsMessage> receivedBy(Caller admin, String msisdn) {
        return messages.receivedBy(admin.contactCenterId(), msisdn);
    }
}
