package io.opengws.local.infra;

import java.nio.file.Path;

/** PostgreSQL from the embedded binaries and Kafka in its own JVM: what a fresh machine with no Docker runs. */
public final class EmbeddedInfrastructure implements Infrastructure {

    private final EmbeddedPostgresServer postgres;
    private final KafkaBrokerProcess kafka;

    private EmbeddedInfrastructure(EmbeddedPostgresServer postgres, KafkaBrokerProcess kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /**
     * @param postgresData kept between runs, or null for a throw-away database
     * @param kafkaDirectory the broker's configuration, data and log
     */
    public static EmbeddedInfrastructure start(Path postgresData, int postgresPort, Path kafkaDirectory, int kafkaPort,
            int kafkaControllerPort) {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(postgresData, postgresPort);
        try {
            return new EmbeddedInfrastructure(postgres, KafkaBrokerProcess.start(kafkaDirectory, kafkaPort, kafkaControllerPort));
        } catch (RuntimeException kafkaFailed) {
            postgres.stop();
            throw kafkaFailed;
        }
    }

    public long kafkaPid() {
        return kafka.pid();
    }

    public int postgresPort() {
        return postgres.port();
    }

    @Override
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    @Override
    public String databaseUser() {
        return postgres.user();
    }

    @Override
    public String databasePassword() {
        // The embedded server trusts local connections; any password is accepted.
        return "postgres";
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void ensureDatabase(String database) {
        postgres.ensureDatabase(database);
    }

    @Override
    public void close() {
        try {
            kafka.stop();
        } finally {
            postgres.stop();
        }
    }
}
