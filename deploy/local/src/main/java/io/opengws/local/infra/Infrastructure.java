package io.opengws.local.infra;

/** Where the services find PostgreSQL and Kafka, however they were started. */
public interface Infrastructure extends AutoCloseable {

    String jdbcUrl(String database);

    String databaseUser();

    String databasePassword();

    String kafkaBootstrapServers();

    /** Creates the service's database if it does not exist yet. */
    void ensureDatabase(String database);

    @Override
    void close();
}
