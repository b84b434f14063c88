package io.opengws.common.multimedia;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * An agent or supervisor offered an interaction or in it (not finished): the index behind {@code GET /me/chats}
 * and an agent's capacity, rewritten with every change of the interaction.
 */
@Entity
@Table(name = "media_participation")
@IdClass(MediaParticipation.Key.class)
public class MediaParticipation {

    @Id
    @Column(name = "interaction_id")
    public String interactionId;

    @Id
    @Column(name = "participant_id")
    public String participantId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String state;

    public static class Key implements Serializable {
        public String interactionId;
        public String participantId;

        public Key() {
        }

        public Key(String interactionId, String participantId) {
            this.interactionId = interactionId;
            this.participantId = participantId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.interactionId.equals(interactionId) && key.participantId.equals(participantId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(interactionId, participantId);
        }
    }
}
