package io.opengws.common.multimedia;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An agent's state on this service's channel (chat or smssession); table of V100__multimedia.sql. */
@Entity
@Table(name = "media_agent")
public class MediaAgent {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "contact_center_id", nullable = false)
    public String contactCenterId;

    /** The agent's contact-center session includes this channel. */
    @Column(nullable = false)
    public boolean active;

    @Column(nullable = false)
    public boolean ready;

    /** Since when the agent has been Ready with nothing new offered: routing offers to the longest idle first. */
    @Column(name = "idle_since", nullable = false)
    public Instant idleSince;
}
