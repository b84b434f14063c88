package io.opengws.notification;

import io.opengws.local.testing.KafkaTestResource;
import io.opengws.local.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The real PostgreSQL (database {@code notification}) and Kafka broker of deploy/local, shared by every
 * {@code @QuarkusTest} of this module: the annotations here apply to all of them.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(KafkaTestResource.class)
public final class NotificationTestInfrastructure {

    private NotificationTestInfrastructure() {
    }
}
