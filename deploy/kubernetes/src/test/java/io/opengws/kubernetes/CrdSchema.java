package io.opengws.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A CRD's openAPIV3Schema, applied the way the API server's strict field validation applies it: types, enums,
 * required properties, minimum and maximum, and no property the schema does not declare (unless it says
 * x-kubernetes-preserve-unknown-fields or gives additionalProperties).
 */
final class CrdSchema {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonNode root;

    private CrdSchema(JsonNode root) {
        this.root = root;
    }

    /** A file of deploy/kubernetes/schemas: a CustomResourceDefinition; its first served version's schema. */
    static CrdSchema load(String file) {
        Path path = Repository.kubernetes().resolve("schemas").resolve(file);
        try {
            JsonNode crd = YAML.readTree(Files.readString(path));
            return new CrdSchema(crd.path("spec").path("versions").path(0).path("schema").path("openAPIV3Schema"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> validate(JsonNode object) {
        List<String> problems = new ArrayList<>();
        check(root, object, "", problems);
        return problems;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                problems.add(at(path) + " must be an integer or a string");
            }
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> checkObject(schema, value, path, problems);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at(path) + " must be an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(schema.path("items"), value.get(i), path + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(at(path) + " must be a string");
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(at(path) + " must be an integer");
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(at(path) + " must be a number");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(at(path) + " must be true or false");
                }
            }
            default -> problems.add(at(path) + ": the schema has no type the validator knows (" + type + ")");
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(at(path) + " is " + value + ", not one of " + schema.get("enum"));
            }
        }
        if (schema.has("minimum") && value.isNumber() && value.asDouble() < schema.get("minimum").asDouble()) {
            problems.add(at(path) + " is below its minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.isNumber() && value.asDouble() > schema.get("maximum").asDouble()) {
            problems.add(at(path) + " is above its maximum " + schema.get("maximum"));
        }
    }

    private static void checkObject(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (!value.isObject()) {
            problems.add(at(path) + " must be an object");
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(at(path) + " lacks the required " + required.asText());
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), fieldPath, problems);
            } else if (additional.isObject()) {
                check(additional, field.getValue(), fieldPath, problems);
            } else if (!preserveUnknown && !additional.asBoolean(false)) {
                problems.add("unknown field " + fieldPath);
            }
        }
    }

    private static String at(String path) {
        return path.isEmpty() ? "the object" : path;
    }
}
