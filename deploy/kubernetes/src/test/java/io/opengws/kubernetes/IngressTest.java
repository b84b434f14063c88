package io.opengws.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.opengws.local.edge.RouteTable;

class IngressTest {

    private final RouteTable routes = RouteTable.parse(Repository.read(Repository.routeTable()));

    @Test
    void committedIngressIsTheOneGeneratedFromTheRouteTable() throws IOException {
        Path committed = Repository.kubernetes().resolve("base/ingress.yaml");
        String generated = IngressFromRouteTable.render(routes);
        if (!generated.equals(Repository.read(committed))) {
            Path fresh = Repository.kubernetes().resolve("target/ingress.yaml");
            Files.createDirectories(fresh.getParent());
            Files.writeString(fresh, generated);
            fail("base/ingress.yaml is not what deploy/routes.conf gives: cp " + fresh + " " + committed);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void ingressPathsAreTheRouteTable(String overlay) {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        for (RouteTable.Route route : routes.routes()) {
            expected.computeIfAbsent(route.service(), service -> new LinkedHashSet<>()).add(IngressFromRouteTable.pathOf(route.pattern()));
        }
        Map<String, Set<String>> rendered = new LinkedHashMap<>();
        for (IngressPath path : ingressPaths(Manifests.ofOverlay(overlay))) {
            rendered.computeIfAbsent(path.service, service -> new LinkedHashSet<>()).add(path.path);
        }
        assertThat(rendered).isEqualTo(expected);
    }

    /**
     * ingress-nginx tries a host's regex locations longest first and takes the first match; that must pick the
     * service the local edge picks, for every route and for the paths around it.
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void ingressNginxRoutesEveryPathAsTheEdgeDoes(String overlay) {
        List<IngressPath> locations = new ArrayList<>(ingressPaths(Manifests.ofOverlay(overlay)));
        locations.sort(Comparator.comparingInt((IngressPath location) -> location.path.length()).reversed());
        Set<String> samples = samplePaths();
        assertThat(samples).hasSizeGreaterThan(routes.routes().size() * 3);
        for (String sample : samples) {
            Optional<String> nginx = locations.stream()
                    .filter(location -> Pattern.compile("^" + location.path, Pattern.CASE_INSENSITIVE).matcher(sample).find())
                    .map(location -> location.service)
                    .findFirst();
            assertThat(nginx).as(sample).isEqualTo(routes.serviceFor(sample));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void notificationServiceIsStickyOnTheCometdBrowserCookieWithLongPollTimeouts(String overlay) {
        Manifests manifests = Manifests.ofOverlay(overlay);
        for (JsonNode ingress : manifests.ofKind("Ingress")) {
            JsonNode annotations = ingress.path("metadata").path("annotations");
            assertThat(annotations.path("nginx.ingress.kubernetes.io/use-regex").asText()).isEqualTo("true");
            boolean notification = Manifests.name(ingress).equals("notification-service");
            assertThat(annotations.has("nginx.ingress.kubernetes.io/upstream-hash-by")).as(Manifests.name(ingress)).isEqualTo(notification);
            assertThat(ingress.path("spec").path("rules").path(0).path("host").asText()).as("host").isNotEmpty();
        }
        JsonNode annotations = manifests.get("Ingress", "notification-service").path("metadata").path("annotations");
        assertThat(annotations.path("nginx.ingress.kubernetes.io/upstream-hash-by").asText()).isEqualTo("$cookie_BAYEUX_BROWSER");
        // CometD holds a /meta/connect for gws.cometd.timeout (30 s by default, notification-service's CometdConfig).
        assertThat(annotations.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asInt()).isGreaterThan(30);
        assertThat(annotations.path("nginx.ingress.kubernetes.io/proxy-send-timeout").asInt()).isGreaterThan(30);
        assertThat(annotations.path("nginx.ingress.kubernetes.io/proxy-buffering").asText()).isEqualTo("off");
    }

    /** Every route's own paths, one segment short and one long, and the same with other routes' fillers. */
    private Set<String> samplePaths() {
        Set<String> fillers = new LinkedHashSet<>(List.of("x1"));
        routes.routes().forEach(route -> fillers.addAll(List.of(route.pattern().split("/"))));
        fillers.removeAll(Set.of("*", "**"));
        Set<String> samples = new LinkedHashSet<>(List.of(RouteTable.API_PREFIX, RouteTable.API_PREFIX + "/unknown", RouteTable.API_PREFIX + "/me/"));
        for (RouteTable.Route route : routes.routes()) {
            for (String filler : List.of("x1", "devices", "channels")) {
                List<String> segments = new ArrayList<>();
                for (String segment : route.pattern().split("/")) {
                    if (!segment.equals("**")) {
                        segments.add(segment.equals("*") ? filler : segment);
                    }
                }
                String base = RouteTable.API_PREFIX + "/" + String.join("/", segments);
                samples.add(base);
                samples.add(base.substring(0, base.lastIndexOf('/')));
                for (String extra : fillers) {
                    samples.add(base + "/" + extra);
                    samples.add(base + "/" + extra + "/x2");
                }
            }
        }
        return samples;
    }

    record IngressPath(String service, String path) {
    }

    static List<IngressPath> ingressPaths(Manifests manifests) {
        List<IngressPath> paths = new ArrayList<>();
        for (JsonNode ingress : manifests.ofKind("Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    assertThat(path.path("pathType").asText()).isEqualTo("ImplementationSpecific");
                    paths.add(new IngressPath(path.path("backend").path("service").path("name").asText(), path.path("path").asText()));
                }
            }
        }
        return paths;
    }
}
