package io.opengws.common.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpFallbacksTest {

    private static final long LIMIT = WireLimits.MAX_BODY_BYTES;

    @Test
    void theBodyLimitIs64KiB() {
        assertThat(WireLimits.MAX_BODY_BYTES).isEqualTo(65536L);
    }

    @ParameterizedTest(name = "Content-Length \"{0}\" is over 64 KiB: {1}")
    @CsvSource(delimiter = '|', value = {
            "0          | false",
            "1          | false",
            "65535      | false",
            "65536      | false",
            "65537      | true",
            "1048576    | true",
            "' 65537 '  | true",
            "' 65536 '  | false",
            "9223372036854775807 | true",
    })
    void aContentLengthIsOverTheLimitOnlyWhenLarger(String contentLength, boolean over) {
        assertThat(HttpFallbacks.isOver(contentLength, LIMIT)).isEqualTo(over);
    }

    @ParameterizedTest(name = "unparsable Content-Length \"{0}\" is left to the HTTP layer")
    @ValueSource(strings = {"", "  ", "abc", "65537abc", "6.5e4", "0x10001", "65,537"})
    void anUnparsableContentLengthIsNotOverTheLimit(String contentLength) {
        assertThat(HttpFallbacks.isOver(contentLength, LIMIT)).isFalse();
    }

    @Test
    void theLimitPassedInIsTheOneApplied() {
        assertThat(HttpFallbacks.isOver("11", 10)).isTrue();
        assertThat(HttpFallbacks.isOver("10", 10)).isFalse();
    }
}
