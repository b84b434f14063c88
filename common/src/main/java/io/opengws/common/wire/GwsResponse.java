package io.opengws.common.wire;

import java.util.LinkedHashMap;

/**
 * A successful answer with content: {@code GwsResponse.ok().with("id", id).with("uri", uri)} writes
 * {@code {"statusCode":0,"id":...,"uri":...}}, statusCode first as in the GWS samples.
 */
public final class GwsResponse extends LinkedHashMap<String, Object> {

    private GwsResponse(int statusCode) {
        put("statusCode", statusCode);
    }

    public static GwsResponse ok() {
        return new GwsResponse(StatusCode.SUCCESS.code());
    }

    /** Partial success (statusCode 7), e.g. StartContactCenterSession with some channels refused. */
    public static GwsResponse partial() {
        return new GwsResponse(StatusCode.PARTIAL_SUCCESS.code());
    }

    public GwsResponse with(String name, Object value) {
        put(name, value);
        return this;
    }
}
