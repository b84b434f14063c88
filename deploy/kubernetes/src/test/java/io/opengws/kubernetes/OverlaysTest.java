package io.opengws.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.opengws.common.events.Topics;

/** Every overlay renders, every object is valid against its schema, and the rules of the issue hold. */
class OverlaysTest {

    /** The Secrets production creates outside the repository (README.md, "Secrets"). */
    static final Set<String> PRODUCTION_SECRETS = Set.of("gws-admin", "gws-session-signing",
            "gws-db-notification", "gws-db-voice", "gws-db-chat", "gws-db-sms");

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void everyObjectIsValidAgainstItsSchema(String overlay) {
        Manifests manifests = Manifests.ofOverlay(overlay);
        assertThat(manifests.objects()).hasSizeGreaterThan(20);
        List<String> problems = new ArrayList<>();
        for (JsonNode object : manifests.objects()) {
            ObjectValidator.problems(object).forEach(problem -> problems.add(Manifests.id(object) + ": " + problem));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void validatorRejectsUnknownFieldsAndWrongTypes() {
        Manifests invalid = Manifests.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: a}
                spec: {replica: 2, selector: {matchLabels: {a: b}}, template: {spec: {containers: [{name: a, image: a}]}}}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: a}
                spec: {ports: [{port: "80"}]}
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: a}
                spec: {partition: 3}
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: a}
                spec: {instances: 0, managed: {roles: [{login: true}]}, storage: {sise: 1Gi}}
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Database
                metadata: {name: a}
                spec: {cluster: {name: a}, name: a, owner: a, ensure: maybe}
                """);
        Map<String, List<String>> problems = invalid.objects().stream()
                .collect(Collectors.toMap(object -> object.path("kind").asText(), ObjectValidator::problems));
        assertThat(problems.get("Deployment")).singleElement().asString().contains("replica");
        assertThat(problems.get("Service")).singleElement().asString().contains("port");
        assertThat(problems.get("KafkaTopic")).singleElement().asString().contains("partition");
        assertThat(problems.get("Cluster")).containsExactlyInAnyOrder("spec.instances is below its minimum 1",
                "spec.managed.roles[0] lacks the required name", "unknown field spec.storage.sise");
        assertThat(problems.get("Database")).singleElement().asString().startsWith("spec.ensure is \"maybe\"");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void everyServiceRunsLockedDownWithProbesResourcesAndScrapeAnnotations(String overlay) {
        Manifests manifests = Manifests.ofOverlay(overlay);
        assertThat(manifests.ofKind("Deployment").stream().map(Manifests::name)).containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
        for (String service : Repository.SERVICES) {
            JsonNode pod = manifests.get("Deployment", service).path("spec").path("template");
            JsonNode container = Manifests.container(manifests.get("Deployment", service));
            assertThat(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean()).as(service).isTrue();
            JsonNode security = container.path("securityContext");
            assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(service).isTrue();
            assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(service).isFalse();
            assertThat(security.path("capabilities").path("drop").toString()).as(service).contains("ALL");
            for (String kind : List.of("requests", "limits")) {
                assertThat(container.path("resources").path(kind).path("memory").asText()).as(service + " " + kind).isNotEmpty();
                assertThat(container.path("resources").path(kind).path("cpu").asText()).as(service + " " + kind).isNotEmpty();
            }
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                assertThat(container.path(probe).path("httpGet").path("path").asText()).as(service + " " + probe).startsWith("/q/health/");
            }
            JsonNode annotations = pod.path("metadata").path("annotations");
            assertThat(annotations.path("prometheus.io/scrape").asText()).as(service).isEqualTo("true");
            assertThat(manifests.get("Service", service).path("spec").path("selector"))
                    .isEqualTo(manifests.get("Deployment", service).path("spec").path("selector").path("matchLabels"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void passwordsAndKeysComeOnlyFromSecrets(String overlay) {
        Manifests manifests = Manifests.ofOverlay(overlay);
        for (JsonNode configMap : manifests.ofKind("ConfigMap")) {
            configMap.path("data").fieldNames().forEachRemaining(key -> assertThat(key).doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("key"));
        }
        Set<String> referenced = new TreeSet<>();
        for (String service : Repository.SERVICES) {
            JsonNode container = Manifests.container(manifests.get("Deployment", service));
            for (String variable : List.of("GWS_SESSION_SIGNING_KEY", "QUARKUS_DATASOURCE_PASSWORD")) {
                JsonNode reference = Manifests.env(container, variable).orElseThrow().path("valueFrom").path("secretKeyRef");
                assertThat(reference.path("name").asText()).as(service + " " + variable).isNotEmpty();
            }
            for (JsonNode variable : container.path("env")) {
                if (variable.has("valueFrom")) {
                    referenced.add(variable.path("valueFrom").path("secretKeyRef").path("name").asText());
                }
            }
        }
        JsonNode admin = Manifests.env(Manifests.container(manifests.get("Deployment", "notification-service")), "GWS_ADMIN_PASSWORD").orElseThrow();
        assertThat(admin.path("valueFrom").path("secretKeyRef").path("name").asText()).startsWith("gws-admin");
        manifests.get("Cluster", "gws-postgres").path("spec").path("managed").path("roles")
                .forEach(role -> referenced.add(role.path("passwordSecret").path("name").asText()));

        Set<String> rendered = manifests.ofKind("Secret").stream().map(Manifests::name).collect(Collectors.toCollection(TreeSet::new));
        if (overlay.equals("production")) {
            assertThat(rendered).as("production commits no Secret").isEmpty();
            assertThat(referenced).isEqualTo(new TreeSet<>(PRODUCTION_SECRETS));
        } else {
            assertThat(rendered).isEqualTo(referenced);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void kafkaTopicsAreThoseOfTheArchitecture(String overlay) {
        Manifests manifests = Manifests.ofOverlay(overlay);
        Set<Topics.Spec> declared = manifests.ofKind("KafkaTopic").stream()
                .map(topic -> new Topics.Spec(topic.path("spec").path("topicName").asText(), topic.path("spec").path("partitions").asInt(),
                        topic.path("spec").path("config").path("cleanup.policy").asText("delete").equals("compact")))
                .collect(Collectors.toSet());
        assertThat(declared).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        for (JsonNode topic : manifests.ofKind("KafkaTopic")) {
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("gws-kafka");
        }
        JsonNode kafkaConfig = manifests.get("Kafka", "gws-kafka").path("spec").path("kafka").path("config");
        int brokers = 0;
        for (JsonNode pool : manifests.ofKind("KafkaNodePool")) {
            if (pool.path("spec").path("roles").toString().contains("broker")) {
                brokers += pool.path("spec").path("replicas").asInt();
            }
            assertThat(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("gws-kafka");
        }
        for (JsonNode topic : manifests.ofKind("KafkaTopic")) {
            assertThat(topic.path("spec").path("replicas").asInt()).as(Manifests.name(topic)).isBetween(1, brokers);
        }
        assertThat(kafkaConfig.path("min.insync.replicas").asInt()).isLessThanOrEqualTo(brokers);
        assertThat(kafkaConfig.path("offsets.topic.replication.factor").asInt()).isLessThanOrEqualTo(brokers);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void onePostgresDatabasePerServiceOwnedByItsRole(String overlay) {
        Manifests manifests = Manifests.ofOverlay(overlay);
        Set<String> roles = new TreeSet<>();
        manifests.get("Cluster", "gws-postgres").path("spec").path("managed").path("roles").forEach(role -> roles.add(role.path("name").asText()));
        for (String service : Repository.SERVICES) {
            String database = service.substring(0, service.indexOf('-'));
            JsonNode declared = manifests.get("Database", "gws-" + database).path("spec");
            assertThat(declared.path("name").asText()).isEqualTo(database);
            assertThat(declared.path("owner").asText()).isEqualTo(database);
            assertThat(roles).contains(database);
            String url = Manifests.env(Manifests.container(manifests.get("Deployment", service)), "QUARKUS_DATASOURCE_JDBC_URL").orElseThrow().path("value").asText();
            assertThat(url).isEqualTo("jdbc:postgresql://gws-postgres-rw:5432/" + database);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void onlyTheIngressReachesTheServicesAndOnlyTheServicesReachKafkaAndPostgres(String overlay) {
        Manifests manifests = Manifests.ofOverlay(overlay);
        JsonNode denyAll = manifests.get("NetworkPolicy", "default-deny-ingress").path("spec");
        assertThat(denyAll.path("podSelector").isEmpty()).isTrue();
        assertThat(denyAll.path("ingress").isMissingNode()).isTrue();

        String serviceTier = "{\"gws.opengws.io/tier\":\"service\"}";
        for (String service : Repository.SERVICES) {
            assertThat(manifests.get("Deployment", service).path("spec").path("template").path("metadata").path("labels").path("gws.opengws.io/tier").asText())
                    .isEqualTo("service");
        }
        Set<String> intoServices = new TreeSet<>();
        for (JsonNode policy : manifests.ofKind("NetworkPolicy")) {
            if (policy.path("spec").path("podSelector").path("matchLabels").toString().equals(serviceTier)) {
                for (JsonNode rule : policy.path("spec").path("ingress")) {
                    rule.path("from").forEach(peer -> intoServices.add(peer.toString()));
                }
            }
        }
        assertThat(intoServices).containsExactlyInAnyOrder(
                "{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"ingress-nginx\"}}}",
                "{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"monitoring\"}}}");

        JsonNode postgres = manifests.get("NetworkPolicy", "postgres-from-services").path("spec");
        assertThat(postgres.path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText()).isEqualTo("gws-postgres");
        assertThat(postgres.path("ingress").path(0).path("from").toString()).isEqualTo("[{\"podSelector\":{\"matchLabels\":" + serviceTier + "}}]");

        JsonNode listeners = manifests.get("Kafka", "gws-kafka").path("spec").path("kafka").path("listeners");
        for (JsonNode listener : listeners) {
            assertThat(listener.path("networkPolicyPeers").toString()).as(listener.path("name").asText())
                    .isEqualTo("[{\"podSelector\":{\"matchLabels\":" + serviceTier + "}}]");
        }
    }

    @Test
    void productionScalesOnCpuAndBoundsDisruption() {
        Manifests manifests = Manifests.ofOverlay("production");
        for (String service : Repository.SERVICES) {
            JsonNode deployment = manifests.get("Deployment", service);
            assertThat(deployment.path("spec").has("replicas")).as(service + ": the autoscaler owns replicas").isFalse();
            JsonNode autoscaler = manifests.get("HorizontalPodAutoscaler", service).path("spec");
            assertThat(autoscaler.path("scaleTargetRef").path("name").asText()).isEqualTo(service);
            assertThat(autoscaler.path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(autoscaler.path("metrics").path(0).path("resource").path("name").asText()).isEqualTo("cpu");
            JsonNode budget = manifests.get("PodDisruptionBudget", service).path("spec");
            assertThat(budget.path("selector").path("matchLabels")).isEqualTo(deployment.path("spec").path("selector").path("matchLabels"));
        }
        assertThat(manifests.get("Cluster", "gws-postgres").path("spec").path("instances").asInt()).isEqualTo(3);
    }

    @Test
    void devRunsOneOfEverything() {
        Manifests manifests = Manifests.ofOverlay("dev");
        manifests.ofKind("Deployment").forEach(deployment -> assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(1));
        assertThat(manifests.ofKind("HorizontalPodAutoscaler")).isEmpty();
        assertThat(manifests.get("Cluster", "gws-postgres").path("spec").path("instances").asInt()).isEqualTo(1);
        assertThat(manifests.ofKind("KafkaNodePool")).singleElement()
                .satisfies(pool -> assertThat(pool.path("spec").path("replicas").asInt()).isEqualTo(1));
    }
}
