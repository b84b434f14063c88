package io.opengws.common.wire;

import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Builds the absolute resource URIs of CONTRACT.md section 2: {@code {origin}/api/v2/...}. A request that
 * came through a proxy names its origin in {@code X-Forwarded-Proto}/{@code X-Forwarded-Host}; otherwise
 * (and for notifications no request caused) the configured public origin is used.
 */
@ApplicationScoped
public class PublicOrigin {

    public static final String API_BASE = "/api/v2";

    private final String configured;

    public PublicOrigin(GwsConfig config) {
        this.configured = withoutTrailingSlash(config.publicOrigin());
    }

    public String origin() {
        return configured;
    }

    /** The origin a request was addressed to; {@code headers} gives a request header by name, or null. */
    public String origin(UnaryOperator<String> headers) {
        String host = first(headers.apply("X-Forwarded-Host"));
        if (host == null) {
            return configured;
        }
        String proto = first(headers.apply("X-Forwarded-Proto"));
        return (proto == null ? "http" : proto) + "://" + host;
    }

    /** {@code uri("/devices/" + id)} → {@code http://localhost:8080/api/v2/devices/<id>}. */
    public String uri(String path) {
        return configured + API_BASE + path;
    }

    private static String first(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return null;
        }
        int comma = headerValue.indexOf(',');
        return (comma < 0 ? headerValue : headerValue.substring(0, comma)).trim();
    }

    private static String withoutTrailingSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }
}
