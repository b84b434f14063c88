package io.opengws.local.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL and Apache Kafka 4.2.1 in containers, where a Docker engine answers (Testcontainers). */
public final class DockerInfrastructure implements Infrastructure {

    private static final String POSTGRES_IMAGE = "postgres:17-alpine";
    private static final String KAFKA_IMAGE = "apache/kafka:4.2.1";

    private final PostgreSQLContainer postgres;
    private final KafkaContainer kafka;

    private DockerInfrastructure(PostgreSQLContainer postgres, KafkaContainer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /** Asks Testcontainers only where an engine may be: a socket or DOCKER_HOST (it logs errors otherwise). */
    static boolean dockerAvailable() {
        boolean mayHaveEngine = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!mayHaveEngine) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }

    public static DockerInfrastructure start() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE).withCommand("postgres", "-c", "max_connections=300", "-c", "autovacuum_naptime=5s");
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        postgres.start();
        kafka.start();
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers()))) {
            KafkaBrokerProcess.createTopics(admin);
        } catch (Exception e) {
            kafka.stop();
            postgres.stop();
            throw new IllegalStateException("Could not create the topics in the Kafka container: " + e.getMessage(), e);
        }
        return new DockerInfrastructure(postgres, kafka);
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + database;
    }

    @Override
    public String databaseUser() {
        return postgres.getUsername();
    }

    @Override
    public String databasePassword() {
        return postgres.getPassword();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public void ensureDatabase(String database) {
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), databaseUser(), databasePassword())) {
            Databases.ensureExists(connection, database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reach PostgreSQL: " + e.getMessage(), e);
        }
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
