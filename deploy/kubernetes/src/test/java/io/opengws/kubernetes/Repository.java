package io.opengws.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Files of the checkout the tests read. */
final class Repository {

    static final List<String> SERVICES = List.of("notification-service", "voice-service", "chat-service", "sms-service");

    private Repository() {
    }

    /** The checkout's root (the parent pom's folder). */
    static Path root() {
        String configured = System.getProperty("gws.repository.root");
        Path root = configured != null ? Path.of(configured) : Path.of("../..");
        return root.toAbsolutePath().normalize();
    }

    static Path kubernetes() {
        return root().resolve("deploy/kubernetes");
    }

    static Path routeTable() {
        return root().resolve("deploy/routes.conf");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CI=true: a missing tool or build output is a failure there, never a skipped test. */
    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
