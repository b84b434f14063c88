package io.opengws.notification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.opengws.local.testing.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

/** Health (database and Kafka), OpenAPI, metrics, Flyway and the GWS 404, on the real infrastructure. */
@QuarkusTest
class NotificationServiceEndpointsTest extends ServiceEndpointsContract {

    @Test
    void theServiceRunsOnADatabaseOfItsOwn() {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        assertTrue(url.endsWith("/notification"), "the notification-service database, not a shared one: " + url);
    }
}
