package io.opengws.local;

import java.nio.file.Path;

/** The four services: where their build lives, their database, their port after the base. */
public enum GwsService {
    NOTIFICATION("notification-service", "notification", 1),
    VOICE("voice-service", "voice", 2),
    CHAT("chat-service", "chat", 3),
    SMS("sms-service", "sms", 4);

    private final String serviceName;
    private final String database;
    private final int portOffset;

    GwsService(String serviceName, String database, int portOffset) {
        this.serviceName = serviceName;
        this.database = database;
        this.portOffset = portOffset;
    }

    /** Also its module directory and the name the route table uses. */
    public String serviceName() {
        return serviceName;
    }

    public String database() {
        return database;
    }

    int portOffset() {
        return portOffset;
    }

    public Path runnableJar(Path repository) {
        return repository.resolve(serviceName).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static GwsService byName(String serviceName) {
        for (GwsService service : values()) {
            if (service.serviceName.equals(serviceName)) {
                return service;
            }
        }
        throw new IllegalArgumentException("Unknown service " + serviceName);
    }
}
