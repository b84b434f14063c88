package io.opengws.common.multimedia;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import io.opengws.common.interaction.SupervisorMode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A supervisor's monitoring of one agent on this channel (reference 3.5); survives restarts. */
@Entity
@Table(name = "media_monitoring")
@IdClass(MediaMonitoring.Key.class)
public class MediaMonitoring {

    /** {@code supervisorMonitoringMode}: NextChat joins one interaction, AllChats every one until cancelled. */
    public enum Scope {
        NextChat, AllChats
    }

    @Id
    @Column(name = "supervisor_id")
    public String supervisorId;

    @Id
    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "contact_center_id", nullable = false)
    public String contactCenterId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SupervisorMode mode;

    /** NextChat: ends when the first interaction it joined ends (CONTRACT decision 19). */
    @Column(name = "next_only", nullable = false)
    public boolean nextOnly;

    @Column(nullable = false)
    public String nickname;

    /** NextChat: the interaction it joined. */
    @Column(name = "spent_on")
    public String spentOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public Scope scope() {
        return nextOnly ? Scope.NextChat : Scope.AllChats;
    }

    public static class Key implements Serializable {
        public String supervisorId;
        public String agentId;

        public Key() {
        }

        public Key(String supervisorId, String agentId) {
            this.supervisorId = supervisorId;
            this.agentId = agentId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.supervisorId.equals(supervisorId) && key.agentId.equals(agentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(supervisorId, agentId);
        }
    }
}
