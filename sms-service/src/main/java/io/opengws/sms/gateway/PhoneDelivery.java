package io.opengws.sms.gateway;

import java.util.List;

import io.opengws.common.interaction.EntryType;
import io.opengws.common.interaction.Interaction;
import io.opengws.common.interaction.ParticipantRole;
import io.opengws.common.interaction.VisibilityPolicy.SeenEntry;
import io.opengws.common.multimedia.CustomerDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An SMS session's customer is a phone: each text it may now read (visibility All, which the engine has already
 * decided) and did not write itself is sent to it through the gateway. Typing and joins are not texts.
 */
@ApplicationScoped
public class PhoneDelivery implements CustomerDelivery {

    @Inject
    SmsGateway gateway;

    @Override
    public void deliver(Interaction interaction, String msisdn, List<SeenEntry> entries) {
        for (SeenEntry seen : entries) {
            if (seen.entry().type == EntryType.Text && seen.entry().from.role() != ParticipantRole.CUSTOMER && seen.entry().text != null) {
                gateway.send(interaction.contactCenterId, msisdn, interaction.id, seen.entry().text);
            }
        }
    }
}
