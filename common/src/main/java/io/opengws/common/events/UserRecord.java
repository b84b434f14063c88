package io.opengws.common.events;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A user as published on {@code gws.directory} under the key {@code user:{id}}: what a channel service
 * needs to authenticate (the bcrypt hash, never the password) and authorise the user by itself.
 */
@RegisterForReflection
public record UserRecord(
        String id,
        String contactCenterId,
        String userName,
        String passwordHash,
        String firstName,
        String lastName,
        String emailAddress,
        List<String> roles,
        boolean enabled,
        Instant updatedAt) {

    public static String key(String id) {
        return "user:" + id;
    }
}
