package io.opengws.common.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A contact center as published on {@code gws.directory} under the key {@code cc:{id}}. */
@RegisterForReflection
public record ContactCenterRecord(
        String id,
        String name,
        List<String> features,
        Map<String, String> settings,
        Instant updatedAt) {

    public static String key(String id) {
        return "cc:" + id;
    }
}
