package io.opengws.common.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonAnyGetter;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A successful answer with content: {@code GwsResponse.ok().with("id", id).with("uri", uri)} writes
 * {@code {"statusCode":0,"id":...,"uri":...}}, statusCode first as in the GWS samples.
 */
@RegisterForReflection
public final class GwsResponse {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private GwsResponse(int statusCode) {
        fields.put("statusCode", statusCode);
    }

    public static GwsResponse ok() {
        return new GwsResponse(StatusCode.SUCCESS.code());
    }

    /** Partial success (statusCode 7), e.g. StartContactCenterSession with some channels refused. */
    public static GwsResponse partial() {
        return new GwsResponse(StatusCode.PARTIAL_SUCCESS.code());
    }

    /**
     * A GWS collection (reference 1.1): the URIs of its resources, or, with {@code fields=*}, the resources
     * themselves in an array named after them ({@code "users":[...]}).
     */
    public static <T> GwsResponse collection(String name, String fields, List<T> items, Function<T, String> uri,
            Function<T, ?> view) {
        if (fields == null) {
            return ok().with("uris", items.stream().map(uri).toList());
        }
        return ok().with(name, items.stream().map(view).toList());
    }

    public GwsResponse with(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    @JsonAnyGetter
    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }
}
