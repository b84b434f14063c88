package io.opengws.sms;

import io.opengws.local.testing.KafkaTestResource;
import io.opengws.local.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The real PostgreSQL (database {@code sms}) and Kafka broker of deploy/local, shared by every
 * {@code @QuarkusTest} of this module: the annotations here apply to all of them.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sms"))
@QuarkusTestResource(KafkaTestResource.class)
public final class SmsTestInfrastructure {

    private SmsTestInfrastructure() {
    }
}
