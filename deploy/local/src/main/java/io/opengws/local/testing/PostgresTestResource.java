package io.opengws.local.testing;

import java.util.Map;

import io.opengws.local.infra.Infrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} its service's database on the module's shared PostgreSQL:
 * {@code @QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "voice"))}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "gws";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infrastructure = SharedInfrastructure.get();
        infrastructure.ensureDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", infrastructure.jdbcUrl(database),
                "quarkus.datasource.username", infrastructure.databaseUser(),
                "quarkus.datasource.password", infrastructure.databasePassword());
    }

    @Override
    public void stop() {
        // Shared by every test class of the module run; stopped when the JVM exits.
    }
}
