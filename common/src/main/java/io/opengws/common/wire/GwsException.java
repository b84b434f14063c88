package io.opengws.common.wire;

/**
 * A request that cannot be served, carrying the GWS statusCode and the sentence to show. The HTTP status
 * follows {@link StatusCode} unless a case of CONTRACT.md section 2 sets its own (a feature that is off,
 * an oversize body, a back end that is down).
 */
public class GwsException extends RuntimeException {

    private final StatusCode statusCode;
    private final int httpStatus;

    public GwsException(StatusCode statusCode, String statusMessage) {
        this(statusCode, statusCode.httpStatus(), statusMessage);
    }

    public GwsException(StatusCode statusCode, int httpStatus, String statusMessage) {
        // No stack trace: these are expected outcomes, raised often, never logged as failures.
        super(statusMessage, null, false, false);
        this.statusCode = statusCode;
        this.httpStatus = httpStatus;
    }

    public static GwsException missingParameter(String name) {
        return new GwsException(StatusCode.MISSING_PARAMETER, "The required parameter '" + name + "' is missing.");
    }

    public static GwsException invalidParameter(String statusMessage) {
        return new GwsException(StatusCode.INVALID_PARAMETER, statusMessage);
    }

    public static GwsException notFound(String statusMessage) {
        return new GwsException(StatusCode.NOT_FOUND, statusMessage);
    }

    public static GwsException notPermitted(String statusMessage) {
        return new GwsException(StatusCode.NOT_PERMITTED, statusMessage);
    }

    /** A resource of a feature the contact center does not have answers as if it did not exist. */
    public static GwsException featureOff(String feature) {
        return new GwsException(StatusCode.NOT_FOUND,
                "This resource is not available: the contact center does not have the feature '" + feature + "'.");
    }

    public static GwsException bodyTooLarge(long limitBytes) {
        return new GwsException(StatusCode.VALIDATION_ERROR, 413,
                "The request body is larger than the limit of " + limitBytes + " bytes.");
    }

    public static GwsException unavailable(String what) {
        return new GwsException(StatusCode.INTERNAL_ERROR, 503, what + " is not available at this time; try again shortly.");
    }

    /** A value the client sent, as a message may repeat it: bounded, so a message stays a sentence. */
    public static String echo(String clientValue) {
        if (clientValue == null) {
            return "null";
        }
        return clientValue.length() <= 60 ? clientValue : clientValue.substring(0, 60) + "...";
    }

    public StatusCode statusCode() {
        return statusCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public GwsStatus body() {
        return GwsStatus.of(statusCode, getMessage());
    }
}
