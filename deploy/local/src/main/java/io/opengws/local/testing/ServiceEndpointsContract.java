package io.opengws.local.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * What every service must serve, checked against the service running on the real database and broker of
 * deploy/local. A service's test extends this class and is annotated {@code @QuarkusTest}.
 */
public abstract class ServiceEndpointsContract {

    @Test
    public void readinessIsUpAndIncludesTheDatabaseAndKafka() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"))
                .body("checks.status", not(hasItems("DOWN")));
    }

    @Test
    public void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    public void openApiDocumentIsServed() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }

    @Test
    public void prometheusMetricsAreServed() {
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    public void anUnknownApiPathAnswersAGws404() {
        given().when().get("/api/v2/no-such-resource/at-all").then()
                .statusCode(404)
                .contentType(containsString("application/json"))
                .body("statusCode", equalTo(6))
                .body("statusMessage", not(equalTo("")));
    }

    @Test
    public void theServiceDatabaseIsMigratedByFlyway() throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
                Statement statement = connection.createStatement();
                ResultSet applied = statement.executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            List<String> versions = new ArrayList<>();
            while (applied.next()) {
                versions.add(applied.getString(1));
            }
            Assertions.assertEquals("1", versions.get(0), "the first migration is applied");
        }
    }
}
