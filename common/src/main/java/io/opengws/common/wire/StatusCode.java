package io.opengws.common.wire;

/**
 * The GWS {@code statusCode} values (reference 1.4) and the HTTP status each one answers with
 * (CONTRACT.md section 2). This table is the only place that pairing lives.
 */
public enum StatusCode {
    SUCCESS(0, 200),
    MISSING_PARAMETER(1, 400),
    INVALID_PARAMETER(2, 400),
    FORBIDDEN(3, 403),
    INTERNAL_ERROR(4, 500),
    NOT_PERMITTED(5, 403),
    NOT_FOUND(6, 404),
    PARTIAL_SUCCESS(7, 200),
    // GWS documents no HTTP status for 8, 9 and 12 to 17; these follow what each code says happened.
    PASSWORD_CHANGE_REQUIRED(8, 403),
    PROCESSING_INCOMPLETE(9, 202),
    VALIDATION_ERROR(10, 400),
    READ_ONLY_PROPERTY(11, 400),
    UNABLE_TO_RETRIEVE(12, 500),
    UNABLE_TO_CREATE(13, 500),
    UNABLE_TO_DELETE(14, 500),
    UNABLE_TO_UPDATE(15, 500),
    UNABLE_TO_ASSIGN(16, 500),
    UNABLE_TO_UNASSIGN(17, 500),
    ALREADY_EXISTS(18, 403),
    IN_USE(19, 409),
    NOT_AUTHENTICATED(20, 401);

    private final int code;
    private final int httpStatus;

    StatusCode(int code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public static StatusCode of(int code) {
        for (StatusCode statusCode : values()) {
            if (statusCode.code == code) {
                return statusCode;
            }
        }
        throw new IllegalArgumentException("No GWS statusCode " + code);
    }
}
