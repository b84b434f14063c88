package io.opengws.voice.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A live leg: which device is on which call. */
@Entity
@Table(name = "voice_leg")
public class LegRow {

    @Id
    public String id;

    @Column(name = "call_id", nullable = false)
    public String callId;

    @Column(name = "device_id")
    public String deviceId;

    @Column(name = "state", nullable = false)
    public String state;
}
