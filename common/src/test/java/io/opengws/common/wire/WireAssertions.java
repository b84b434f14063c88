package io.opengws.common.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Checks shared by the wire tests: what the acceptance suite rejects in any response body. */
final class WireAssertions {

    /** The acceptance suite's pattern for a leaked stack trace or exception name (CONTRACT.md section 2, "bad input"). */
    static final Pattern STACK_TRACE = Pattern.compile(
            "\\bat [\\w$.<>]+\\([\\w$]+\\.(java|kt):\\d+\\)|\\.(java|kt):\\d+|Caused by:|\\b\\w+Exception\\b");

    private static final ObjectMapper JSON = new ObjectMapper();

    private WireAssertions() {
    }

    /** A statusMessage a person can act on: present, and naming no exception or source line. */
    static void assertClientSafe(String statusMessage) {
        assertThat(statusMessage).isNotBlank().doesNotContainPattern(STACK_TRACE);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError("cannot write " + value, e);
        }
    }
}
