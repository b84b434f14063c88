package io.opengws.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import io.opengws.local.infra.DockerInfrastructure;
import io.opengws.local.infra.EmbeddedInfrastructure;
import io.opengws.local.infra.InfraMode;
import io.opengws.local.infra.Infrastructure;

/**
 * One PostgreSQL and one Kafka broker for a whole test JVM (one module run), started on first use on free
 * ports and stopped when the JVM exits. Every test class of the module shares them; the test-resource
 * managers only hand their addresses to Quarkus.
 */
public final class SharedInfrastructure {

    private static Infrastructure instance;

    private SharedInfrastructure() {
    }

    public static synchronized Infrastructure get() {
        if (instance == null) {
            instance = start();
            Infrastructure started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "gws-test-infrastructure-stop"));
        }
        return instance;
    }

    private static Infrastructure start() {
        if (InfraMode.configured().resolve() == InfraMode.DOCKER) {
            return DockerInfrastructure.start();
        }
        try {
            Path work = Files.createTempDirectory("gws-test-infra");
            return EmbeddedInfrastructure.start(null, freePort(), work.resolve("kafka"), freePort(), freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
