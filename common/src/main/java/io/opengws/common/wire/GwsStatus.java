package io.opengws.common.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of every answer that carries nothing but its outcome: {@code {"statusCode":0}}, or a
 * statusCode with the {@code statusMessage} a person can act on.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GwsStatus(int statusCode, String statusMessage) {

    private static final GwsStatus OK = new GwsStatus(0, null);

    public static GwsStatus ok() {
        return OK;
    }

    public static GwsStatus of(StatusCode statusCode, String statusMessage) {
        return new GwsStatus(statusCode.code(), statusMessage);
    }
}
