package io.opengws.sms.gateway;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The simulator's phones (CONTRACT section 4): a text sent to a phone is kept for that phone to read with
 * {@code GET /api/v2/simulator/sms?msisdn=...}. The default gateway; a real provider replaces it.
 */
@DefaultBean
@ApplicationScoped
public class SimulatedPhones implements SmsGateway {

    @Inject
    SmsMessageRepository messages;

    @Override
    public void send(String contactCenterId, String msisdn, String sessionId, String text) {
        messages.persist(SmsMessage.of(contactCenterId, msisdn, SmsMessage.Direction.OUT, sessionId, text));
    }
}
