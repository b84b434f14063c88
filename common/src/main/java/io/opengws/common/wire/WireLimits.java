package io.opengws.common.wire;

/** Limits every service applies to what it reads (CONTRACT.md section 2). */
public final class WireLimits {

    /** A body over 64 KiB answers HTTP 413 with statusCode 10. Keep equal to quarkus.http.limits.max-body-size. */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    private WireLimits() {
    }
}
