package io.opengws.sms.gateway;

/**
 * Where texts to customers' phones go. The simulator's phones are the only implementation here; a real provider
 * (an SMPP or HTTP SMS API) plugs in as another bean of this type, inside the transaction of the change that sent
 * the text (so that, with an outbox of its own, no text is lost or sent twice).
 */
public interface SmsGateway {

    void send(String contactCenterId, String msisdn, String sessionId, String text);
}
