package io.opengws.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The objects of a rendered overlay, as JSON trees, with a few look-ups the tests share. */
record Manifests(List<JsonNode> objects) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Manifests parse(String yaml) {
        try (var parser = YAML.getFactory().createParser(yaml)) {
            List<JsonNode> objects = new ArrayList<>();
            for (var documents = YAML.readValues(parser, JsonNode.class); documents.hasNext();) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add(document);
                }
            }
            return new Manifests(List.copyOf(objects));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifests ofOverlay(String overlay) {
        return parse(Kustomize.render(overlay));
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(object -> object.path("kind").asText().equals(kind)).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(object -> name(object).equals(name)).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendered overlay"));
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String id(JsonNode object) {
        return object.path("apiVersion").asText() + " " + object.path("kind").asText() + " " + name(object);
    }

    /** A Deployment's only container. */
    static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").path(0);
    }

    static Optional<JsonNode> env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return Optional.of(variable);
            }
        }
        return Optional.empty();
    }
}
