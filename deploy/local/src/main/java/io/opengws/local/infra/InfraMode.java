package io.opengws.local.infra;

import java.util.Locale;

/**
 * How PostgreSQL and Kafka are provided, chosen with {@code -Dgws.infra=embedded|docker|auto} (or the
 * environment variable {@code GWS_INFRA}): embedded binaries and a broker JVM, Testcontainers, or
 * Testcontainers only where a Docker engine answers.
 */
public enum InfraMode {
    EMBEDDED, DOCKER, AUTO;

    public static InfraMode configured() {
        String value = System.getProperty("gws.infra", System.getenv().getOrDefault("GWS_INFRA", "auto"));
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("gws.infra must be embedded, docker or auto, not '" + value + "'");
        }
    }

    /** AUTO resolved: Docker only if an engine answers. */
    public InfraMode resolve() {
        if (this != AUTO) {
            return this;
        }
        return DockerInfrastructure.dockerAvailable() ? DOCKER : EMBEDDED;
    }
}
