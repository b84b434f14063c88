package io.opengws.chat;

import io.opengws.local.testing.KafkaTestResource;
import io.opengws.local.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The real PostgreSQL (database {@code chat}) and Kafka broker of deploy/local, shared by every
 * {@code @QuarkusTest} of this module: the annotations here apply to all of them.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "chat"))
@QuarkusTestResource(KafkaTestResource.class)
public final class ChatTestInfrastructure {

    private ChatTestInfrastructure() {
    }
}
