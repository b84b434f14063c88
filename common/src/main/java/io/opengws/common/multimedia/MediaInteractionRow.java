package io.opengws.common.multimedia;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One chat or SMS session, the engine's {@code Interaction} as JSON (V100__multimedia.sql) without its transcript, whose
 * entries are rows of their own ({@link TranscriptRepository}, V101__transcript_entries.sql).
 */
@Entity
@Table(name = "media_interaction")
public class MediaInteractionRow {

    @Id
    public String id;

    @Column(name = "contact_center_id", nullable = false)
    public String contactCenterId;

    /** How the customer names it: the Customer Chat API's id, or the phone number of an SMS session. */
    @Column(name = "customer_key", nullable = false)
    public String customerKey;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String body;

    /** Copied from the interaction so that routing finds the waiting ones without reading every body. */
    @Column(name = "waiting_since")
    public Instant waitingSince;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Counted up by every write of the row (V104__interaction_version.sql): a change that started from a remembered
     * copy writes only over the version it started from. Kept by hand, not Hibernate's {@code @Version}: the row is
     * written in plain JDBC ({@link TranscriptRepository#updateWithEntries}).
     */
    @Column(nullable = false)
    public long version;
}
