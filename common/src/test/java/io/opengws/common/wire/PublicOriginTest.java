package io.opengws.common.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicOriginTest {

    static PublicOrigin configured(String origin) {
        GwsConfig config = new GwsConfig() {
            @Override
            public String publicOrigin() {
                return origin;
            }

            @Override
            public Session session() {
                throw new UnsupportedOperationException("not used by PublicOrigin");
            }

            @Override
            public Outbox outbox() {
                throw new UnsupportedOperationException("not used here");
            }

            @Override
            public Multimedia multimedia() {
                throw new UnsupportedOperationException("not used here");
            }
        };
        return new PublicOrigin(config);
    }

    private final PublicOrigin publicOrigin = configured("https://gws.example.com");

    @ParameterizedTest(name = "configured \"{0}\" gives origin \"{1}\"")
    @CsvSource({
            "http://localhost:8080,    http://localhost:8080",
            "http://localhost:8080/,   http://localhost:8080",
            "https://gws.example.com,  https://gws.example.com",
            "https://gws.example.com/, https://gws.example.com",
    })
    void theConfiguredOriginIsUsedWithoutATrailingSlash(String configured, String origin) {
        assertThat(configured(configured).origin()).isEqualTo(origin);
    }

    @ParameterizedTest(name = "configured \"{0}\": uri(/devices/x) is \"{1}\"")
    @CsvSource({
            "http://localhost:8080,    http://localhost:8080/api/v2/devices/x",
            "http://localhost:8080/,   http://localhost:8080/api/v2/devices/x",
            "https://gws.example.com/, https://gws.example.com/api/v2/devices/x",
    })
    void uriPrefixesTheOriginAndTheApiBase(String configured, String uri) {
        assertThat(configured(configured).uri("/devices/x")).isEqualTo(uri);
    }

    @Test
    void withoutForwardedHeadersARequestGetsTheConfiguredOrigin() {
        assertThat(publicOrigin.origin(name -> null)).isEqualTo("https://gws.example.com");
    }

    @Test
    void forwardedHostAndProtoAreHonoured() {
        Map<String, String> headers = Map.of("X-Forwarded-Host", "edge.example.org:8443", "X-Forwarded-Proto", "https");

        assertThat(publicOrigin.origin(headers::get)).isEqualTo("https://edge.example.org:8443");
    }

    @Test
    void theFirstValueOfCommaSeparatedForwardedHeadersIsUsed() {
        Map<String, String> headers = Map.of(
                "X-Forwarded-Host", "edge.example.org, proxy.internal, 10.0.0.1",
                "X-Forwarded-Proto", "https ,http");

        assertThat(publicOrigin.origin(headers::get)).isEqualTo("https://edge.example.org");
    }

    @Test
    void aForwardedHostWithoutProtoIsTakenAsHttp() {
        assertThat(publicOrigin.origin(Map.of("X-Forwarded-Host", "edge.example.org")::get))
                .isEqualTo("http://edge.example.org");
    }

    @Test
    void aForwardedProtoWithoutHostKeepsTheConfiguredOrigin() {
        assertThat(publicOrigin.origin(Map.of("X-Forwarded-Proto", "http")::get)).isEqualTo("https://gws.example.com");
    }

    @Test
    void aBlankForwardedHostKeepsTheConfiguredOrigin() {
        assertThat(publicOrigin.origin(Map.of("X-Forwarded-Host", "  ", "X-Forwarded-Proto", "http")::get))
                .isEqualTo("https://gws.example.com");
    }

    @Test
    void uriIsBuiltFromTheConfiguredOriginNotAForwardedOne() {
        publicOrigin.origin(Map.of("X-Forwarded-Host", "edge.example.org")::get);

        assertThat(publicOrigin.uri("/devices/x")).isEqualTo("https://gws.example.com/api/v2/devices/x");
        assertThat(PublicOrigin.API_BASE).isEqualTo("/api/v2");
    }
}
