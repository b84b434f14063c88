package io.opengws.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.opengws.common.events.Topics;

class EmbeddedInfrastructureTest {

    @Test
    void startsRealPostgresAndKafkaWithTheContractTopicsAndKeepsDataAcrossRestarts() throws Exception {
        Path work = Files.createTempDirectory("gws-infra-test");
        int postgresPort = freePort();
        int kafkaPort = freePort();
        int controllerPort = freePort();

        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(work.resolve("pg"), postgresPort,
                work.resolve("kafka"), kafkaPort, controllerPort);
        long brokerPid = infrastructure.kafkaPid();
        try {
            infrastructure.ensureDatabase("voice");
            infrastructure.ensureDatabase("voice");
            try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl("voice"),
                    infrastructure.databaseUser(), infrastructure.databasePassword());
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (value TEXT)");
                statement.execute("INSERT INTO kept VALUES ('survives a restart')");
            }

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()))) {
                Map<String, TopicDescription> topics = admin.describeTopics(
                        Topics.ALL.stream().map(Topics.Spec::name).toList()).allTopicNames().get();
                for (Topics.Spec spec : Topics.ALL) {
                    assertEquals(spec.partitions(), topics.get(spec.name()).partitions().size(), spec.name());
                }
                ConfigResource directory = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DIRECTORY);
                String policy = admin.describeConfigs(List.of(directory)).all().get().get(directory).get("cleanup.policy").value();
                assertEquals("compact", policy);
            }
            assertEquals(List.of("key-1=hello"), produceAndConsume(infrastructure.kafkaBootstrapServers()));
        } finally {
            infrastructure.close();
        }
        assertFalse(ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive).orElse(false), "the broker JVM has exited");
        assertFalse(listening(postgresPort), "PostgreSQL has stopped");
        assertFalse(listening(kafkaPort), "Kafka has stopped");

        EmbeddedInfrastructure restarted = EmbeddedInfrastructure.start(work.resolve("pg"), postgresPort,
                work.resolve("kafka"), kafkaPort, controllerPort);
        try (Connection connection = DriverManager.getConnection(restarted.jdbcUrl("voice"),
                restarted.databaseUser(), restarted.databasePassword());
                Statement statement = connection.createStatement();
                ResultSet kept = statement.executeQuery("SELECT value FROM kept")) {
            assertTrue(kept.next());
            assertEquals("survives a restart", kept.getString(1));
        } finally {
            restarted.close();
        }
    }

    private static List<String> produceAndConsume(String bootstrapServers) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.SESSIONS, "key-1", "hello")).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "infra-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(Set.of(Topics.SESSIONS));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    return java.util.stream.StreamSupport.stream(records.spliterator(), false)
                            .map((ConsumerRecord<String, String> record) -> record.key() + "=" + record.value())
                            .collect(Collectors.toList());
                }
            }
        }
        return List.of();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("localhost", port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
