package io.opengws.sms.gateway;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One SMS to or from a phone (V2__sms_messages.sql). */
@Entity
@Table(name = "sms_message")
public class SmsMessage {

    public enum Direction {
        IN, OUT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "contact_center_id", nullable = false)
    public String contactCenterId;

    @Column(nullable = false)
    public String msisdn;

    @Column(nullable = false)
    public String direction;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String text;

    @Column(name = "session_id")
    public String sessionId;

    @Column(nullable = false)
    public Instant at;

    public static SmsMessage of(String contactCenterId, String msisdn, Direction direction, String sessionId, String text) {
        SmsMessage message = new SmsMessage();
        message.contactCenterId = contactCenterId;
        message.msisdn = msisdn;
        message.direction = direction.name();
        message.sessionId = sessionId;
        message.text = text;
        message.at = Instant.now();
        return message;
    }
}
