package io.opengws.voice;

import io.opengws.local.testing.KafkaTestResource;
import io.opengws.local.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The real PostgreSQL (database {@code voice}) and Kafka broker of deploy/local, shared by every
 * {@code @QuarkusTest} of this module: the annotations here apply to all of them.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "voice"))
@QuarkusTestResource(KafkaTestResource.class)
public final class VoiceTestInfrastructure {

    private VoiceTestInfrastructure() {
    }
}
