package io.opengws.notification.directory;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who signs in: agent, supervisor, admin or cloud admin, in one contact center. */
@Entity
@Table(name = "gws_user")
public class User {

    @Id
    public String id;

    @Column(name = "contact_center_id", nullable = false)
    public String contactCenterId;

    @Column(name = "user_name", nullable = false)
    public String userName;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(name = "email_address")
    public String emailAddress;

    /** Comma-separated role names. */
    @Column(nullable = false)
    public String roles;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> roleList() {
        return roles.isEmpty() ? List.of() : Arrays.asList(roles.split(","));
    }
}
