package io.opengws.kubernetes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Checks a Kubernetes object offline, strictly: Kubernetes and Strimzi kinds against their typed models
 * (fabric8's Kubernetes model, Strimzi's api), CloudNativePG kinds against the CRD schemas committed in
 * {@code schemas/}. Strict means what the API server's strict field validation means: a field the schema does
 * not know is an error (the models would otherwise keep it in additionalProperties), and so is a value of the
 * wrong type (no "8080" for a number).
 */
final class ObjectValidator {

    /** Every kind the manifests may contain, by apiVersion and kind. */
    private static final Map<String, Class<?>> TYPED = Map.ofEntries(
            Map.entry("v1 Namespace", Namespace.class),
            Map.entry("v1 ConfigMap", ConfigMap.class),
            Map.entry("v1 Secret", Secret.class),
            Map.entry("v1 Service", Service.class),
            Map.entry("apps/v1 Deployment", Deployment.class),
            Map.entry("networking.k8s.io/v1 Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class),
            Map.entry("policy/v1 PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("kafka.strimzi.io/v1 Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1 KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1 KafkaTopic", KafkaTopic.class));

    private static final Map<String, CrdSchema> CRDS = Map.of(
            "postgresql.cnpg.io/v1 Cluster", CrdSchema.load("cloudnative-pg/clusters.yaml"),
            "postgresql.cnpg.io/v1 Database", CrdSchema.load("cloudnative-pg/databases.yaml"));

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule().setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                        BeanDeserializerBuilder builder) {
                    // The models' catch-all for unknown fields: without it, an unknown field fails.
                    builder.setAnySetter(null);
                    return builder;
                }
            }))
            .build();

    private ObjectValidator() {
    }

    static boolean knows(JsonNode object) {
        String type = type(object);
        return TYPED.containsKey(type) || CRDS.containsKey(type);
    }

    /** The problems of one object; empty when it is valid. */
    static List<String> problems(JsonNode object) {
        String type = type(object);
        List<String> problems = new ArrayList<>();
        if (Manifests.name(object).isEmpty()) {
            problems.add("metadata.name is missing");
        }
        Class<?> model = TYPED.get(type);
        CrdSchema schema = CRDS.get(type);
        if (model == null && schema == null) {
            problems.add("unknown apiVersion and kind: " + type);
            return problems;
        }
        try {
            if (model != null) {
                STRICT.treeToValue(object, model);
            } else {
                STRICT.treeToValue(object.path("metadata"), ObjectMeta.class);
                problems.addAll(schema.validate(object));
            }
        } catch (IOException e) {
            problems.add(e.getMessage().lines().findFirst().orElse("") + " at " + pathOf(e));
        }
        return problems;
    }

    private static String pathOf(IOException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            return mapping.getPathReference();
        }
        return "?";
    }

    private static String type(JsonNode object) {
        return object.path("apiVersion").asText() + " " + object.path("kind").asText();
    }
}
