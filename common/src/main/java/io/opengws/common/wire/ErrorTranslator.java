package io.opengws.common.wire;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import jakarta.ws.rs.WebApplicationException;

/**
 * Turns whatever a request failed with into the GWS error it answers: bad input becomes a 4xx with a
 * sentence naming the parameter, a back end that cannot be reached becomes 503 with statusCode 4, and
 * anything else a 500 with statusCode 4. Messages are written here, never copied from an exception, so no
 * class name or stack trace reaches a client.
 */
public final class ErrorTranslator {

    private ErrorTranslator() {
    }

    public static GwsException translate(Throwable failure) {
        if (failure instanceof GwsException gws) {
            return gws;
        }
        if (failure instanceof JsonProcessingException json) {
            return fromJson(json);
        }
        if (failure instanceof WebApplicationException web) {
            // Quarkus REST wraps some body-reading failures in a 400; the cause says what was wrong.
            Throwable cause = web.getCause();
            if (cause instanceof JsonProcessingException || cause instanceof GwsException) {
                return translate(cause);
            }
            return fromHttpStatus(web.getResponse().getStatus());
        }
        if (isBackEndUnavailable(failure)) {
            return GwsException.unavailable("The service's database or message broker");
        }
        return internalError();
    }

    public static GwsException internalError() {
        return new GwsException(StatusCode.INTERNAL_ERROR,
                "The server could not complete the request because of an internal error; it has been logged.");
    }

    /** Errors the HTTP layer raises before any resource runs: no route, wrong method, unreadable media type. */
    public static GwsException fromHttpStatus(int httpStatus) {
        return switch (httpStatus) {
            case 400 -> GwsException.invalidParameter("The request is not valid.");
            case 401 -> new GwsException(StatusCode.NOT_AUTHENTICATED, "Authentication is required: send HTTP Basic credentials or the session cookie.");
            case 403 -> new GwsException(StatusCode.FORBIDDEN, "This operation is forbidden.");
            case 404 -> GwsException.notFound("There is no resource at this path.");
            case 405 -> GwsException.invalidParameter("This HTTP method is not supported on this resource.");
            case 406 -> new GwsException(StatusCode.VALIDATION_ERROR, "This resource answers only application/json.");
            case 413 -> GwsException.bodyTooLarge(WireLimits.MAX_BODY_BYTES);
            case 503 -> GwsException.unavailable("The service");
            case 415 -> new GwsException(StatusCode.VALIDATION_ERROR, "The request body must be sent as application/json.");
            default -> httpStatus >= 400 && httpStatus < 500
                    ? GwsException.invalidParameter("The request is not valid.")
                    : internalError();
        };
    }

    private static GwsException fromJson(JsonProcessingException failure) {
        // A loop, not recursion: a cyclic cause chain must end in an answer, not a StackOverflowError.
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (JsonProcessingException current = failure; current != null && seen.add(current); ) {
            if (current instanceof ValueInstantiationException instantiation && instantiation.getCause() instanceof GwsException gws) {
                return gws;
            }
            if (current instanceof JsonParseException parse) {
                return new GwsException(StatusCode.VALIDATION_ERROR, "The request body is not valid JSON" + where(parse.getLocation()) + ".");
            }
            if (current instanceof MismatchedInputException mismatch) {
                return fromMismatch(mismatch);
            }
            current = current instanceof JsonMappingException && current.getCause() instanceof JsonProcessingException cause
                    ? cause
                    : null;
        }
        return new GwsException(StatusCode.VALIDATION_ERROR, "The request body could not be read as the expected JSON object.");
    }

    private static GwsException fromMismatch(MismatchedInputException mismatch) {
        String parameter = parameterPath(mismatch);
        if (parameter.isEmpty()) {
            if (mismatch.getMessage() != null && mismatch.getMessage().startsWith("No content to map")) {
                return new GwsException(StatusCode.MISSING_PARAMETER, "The request body is missing; send a JSON object.");
            }
            return new GwsException(StatusCode.VALIDATION_ERROR, "The request body must be a JSON object.");
        }
        if (mismatch instanceof PropertyBindingException) {
            return GwsException.invalidParameter("The parameter '" + GwsException.echo(parameter) + "' is not known here.");
        }
        Class<?> target = mismatch.getTargetType();
        if (target != null && target.isEnum()) {
            String value = mismatch instanceof InvalidFormatException invalid ? GwsException.echo(String.valueOf(invalid.getValue())) : "?";
            return GwsException.invalidParameter("The value '" + value + "' is not allowed for '" + parameter
                    + "'; use one of: " + enumValues(target) + ".");
        }
        return GwsException.invalidParameter("The parameter '" + parameter + "' must be " + describe(target) + ".");
    }

    private static String parameterPath(JsonMappingException failure) {
        return failure.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != void.class)) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of: " + enumValues(type);
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of another type";
    }

    private static String enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }

    /** A database or broker that cannot be reached is a 503: the client may retry; nothing was changed. */
    static boolean isBackEndUnavailable(Throwable failure) {
        // Causes can form a cycle (a -> b -> a); each is looked at once so the walk always ends.
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof java.net.ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            String name = cause.getClass().getName();
            if (name.equals("org.hibernate.exception.JDBCConnectionException")
                    || name.equals("org.apache.kafka.common.errors.TimeoutException")) {
                return true;
            }
        }
        return false;
    }
}
