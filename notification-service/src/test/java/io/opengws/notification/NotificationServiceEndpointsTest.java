package io.opengws.notification;

import io.opengws.local.testing.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

/** Health (database and Kafka), OpenAPI, metrics, Flyway and the GWS 404, on the real infrastructure. */
@QuarkusTest
class NotificationServiceEndpointsTest extends ServiceEndpointsContract {
}
