package io.opengws.voice.device;

import java.time.Instant;

import org.hibernate.annotations.DynamicUpdate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A phone number of a contact center and the user it is assigned to. Changes to calls run side by side and may
 * each change a different column of one device (the idle time, the agent state): each writes only what it changed.
 */
@Entity
@DynamicUpdate
@Table(name = "device")
public class Device {

    @Id
    public String id;

    @Column(name = "contact_center_id", nullable = false)
    public String contactCenterId;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "phone_number", nullable = false)
    public String phoneNumber;

    @Column(name = "do_not_disturb", nullable = false)
    public boolean doNotDisturb;

    @Column(name = "forward_to")
    public String forwardTo;

    /** A contact-center session with the voice channel is open for the owner. */
    @Column(name = "voice_active", nullable = false)
    public boolean voiceActive;

    @Column(name = "user_state", nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public AgentState userState = AgentState.NotReady;

    /** Since the agent's last call ended or it became Ready: routing offers calls to the longest idle. */
    @Column(name = "idle_since")
    public Instant idleSince;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
