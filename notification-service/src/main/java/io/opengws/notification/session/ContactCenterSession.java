package io.opengws.notification.session;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's contact-center session, from StartContactCenterSession to its end (logout or expiry). */
@Entity
@Table(name = "cc_session")
public class ContactCenterSession {

    @Id
    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "contact_center_id", nullable = false)
    public String contactCenterId;

    /** Comma-separated channel names. */
    @Column(nullable = false)
    public String channels;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "last_activity_at", nullable = false)
    public Instant lastActivityAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason")
    public String endReason;

    public List<String> channelList() {
        return channels.isEmpty() ? List.of() : Arrays.asList(channels.split(","));
    }
}
