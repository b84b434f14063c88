package io.opengws.local.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Gives a {@code @QuarkusTest} the module's shared Kafka broker, its topics already created. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", SharedInfrastructure.get().kafkaBootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by every test class of the module run; stopped when the JVM exits.
    }
}
