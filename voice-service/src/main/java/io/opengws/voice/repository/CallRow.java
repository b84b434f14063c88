package io.opengws.voice.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A call as stored: its JSON document, and its place in the routing queue. */
@Entity
@Table(name = "voice_call")
public class CallRow {

    @Id
    public String id;

    @Column(name = "contact_center_id", nullable = false)
    public String contactCenterId;

    @Column(name = "queued_at")
    public Instant queuedAt;

    @Column(name = "body", nullable = false)
    public String body;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
