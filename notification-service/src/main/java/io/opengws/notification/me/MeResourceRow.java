package io.opengws.notification.me;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The latest notified state of one of a user's resources (a device, call, chat, SMS session or channel). */
@Entity
@Table(name = "me_resource")
@IdClass(MeResourceRow.Key.class)
public class MeResourceRow {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    public String kind;

    @Id
    @Column(name = "resource_id")
    public String resourceId;

    /** The resource's JSON, as the notification carried it. */
    @Column(nullable = false, columnDefinition = "TEXT")
    public String body;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static class Key implements Serializable {
        public String userId;
        public String kind;
        public String resourceId;

        public Key() {
        }

        public Key(String userId, String kind, String resourceId) {
            this.userId = userId;
            this.kind = kind;
            this.resourceId = resourceId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.userId.equals(userId) && key.kind.equals(kind) && key.resourceId.equals(resourceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, kind, resourceId);
        }
    }
}
