package io.opengws.common.wire;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of a GWS operation: a JSON object whose {@code operationName} selects the action, with its
 * parameters beside it. Accessors answer the GWS error for a missing (statusCode 1) or mistyped
 * (statusCode 2) parameter, so resources never check types by hand.
 */
@RegisterForReflection
public final class OperationRequest {

    public static final String OPERATION_NAME = "operationName";

    private final ObjectNode body;

    private OperationRequest(ObjectNode body) {
        this.body = body;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static OperationRequest of(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw GwsException.missingParameter(OPERATION_NAME);
        }
        if (!body.isObject()) {
            throw new GwsException(StatusCode.VALIDATION_ERROR, "The request body must be a JSON object.");
        }
        return new OperationRequest((ObjectNode) body);
    }

    public String operationName() {
        return requiredString(OPERATION_NAME);
    }

    public String requiredString(String name) {
        return optionalString(name).orElseThrow(() -> GwsException.missingParameter(name));
    }

    public Optional<String> optionalString(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw wrongType(name, "a string");
        }
        String text = value.textValue();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    public Optional<Boolean> optionalBoolean(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw wrongType(name, "true or false");
        }
        return Optional.of(value.booleanValue());
    }

    public Optional<Integer> optionalInt(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(name, "a whole number");
        }
        return Optional.of(value.intValue());
    }

    /** An array of strings, such as {@code channels} or {@code roles}. */
    public Optional<java.util.List<String>> optionalStringList(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw wrongType(name, "an array of strings");
        }
        java.util.List<String> items = new java.util.ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw wrongType(name, "an array of strings");
            }
            items.add(item.textValue());
        }
        return Optional.of(java.util.List.copyOf(items));
    }

    public java.util.List<String> requiredStringList(String name) {
        return optionalStringList(name).orElseThrow(() -> GwsException.missingParameter(name));
    }

    /** A flat object of settings; numbers and booleans are kept as their text. */
    public Optional<java.util.Map<String, String>> optionalStringMap(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw wrongType(name, "an object");
        }
        java.util.Map<String, String> entries = new java.util.LinkedHashMap<>();
        var fields = value.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (field.getValue().isContainerNode()) {
                throw wrongType(name + "." + field.getKey(), "a string, number or boolean");
            }
            entries.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText());
        }
        return Optional.of(entries);
    }

    /**
     * Attached data ({@code userData}, reference 2.2 and 3.2): an object whose values are strings or numbers, in the
     * order sent; anything else is refused with statusCode 2.
     */
    public Optional<java.util.Map<String, Object>> optionalUserData(String name) {
        return optionalObject(name).map(node -> {
            java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
            node.fields().forEachRemaining(entry -> {
                JsonNode value = entry.getValue();
                if (value.isTextual()) {
                    values.put(entry.getKey(), value.asText());
                } else if (value.isIntegralNumber()) {
                    values.put(entry.getKey(), value.asLong());
                } else if (value.isNumber()) {
                    values.put(entry.getKey(), value.asDouble());
                } else {
                    throw GwsException.invalidParameter("The " + name + " value of '" + GwsException.echo(entry.getKey())
                            + "' must be a string or a number.");
                }
            });
            return values;
        });
    }

    /** An object parameter such as {@code userData}; the caller owns the copy it gets. */
    public Optional<ObjectNode> optionalObject(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw wrongType(name, "an object");
        }
        return Optional.of(((ObjectNode) value).deepCopy());
    }

    /** An enum parameter whose constants are named exactly as on the wire (e.g. {@code AllCalls}). */
    public <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
        return optionalString(name).map(text -> Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(text))
                .findFirst()
                .orElseThrow(() -> GwsException.invalidParameter("The value '" + GwsException.echo(text) + "' is not allowed for '" + name
                        + "'; use one of: " + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ".")));
    }

    public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        return optionalEnum(name, type).orElseThrow(() -> GwsException.missingParameter(name));
    }

    public boolean has(String name) {
        return present(name) != null;
    }

    /** The whole body, for operations that pass parameters on untouched. */
    public ObjectNode body() {
        return body.deepCopy();
    }

    private JsonNode present(String name) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static GwsException wrongType(String name, String expected) {
        return GwsException.invalidParameter("The parameter '" + name + "' must be " + expected + ".");
    }
}
