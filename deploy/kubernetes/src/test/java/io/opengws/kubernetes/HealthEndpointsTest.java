package io.opengws.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The paths the probes and the Prometheus annotations use are the ones each service serves: its pom brings the
 * extension that serves them (quarkus-smallrye-health: /q/health/live, ready, started;
 * quarkus-micrometer-registry-prometheus: /q/metrics) and its application.properties does not move them (or
 * moves them where the manifests look), on the port the manifests use. Cheaper than starting the services, and
 * as faithful: these are the only inputs Quarkus derives those paths from.
 */
class HealthEndpointsTest {

    @ParameterizedTest
    @ValueSource(strings = { "notification-service", "voice-service", "chat-service", "sms-service" })
    void probesAndScrapeUseEndpointsTheServiceServes(String service) throws Exception {
        assertThat(compileDependencies(service)).as(service + "'s pom")
                .contains("io.quarkus:quarkus-smallrye-health", "io.quarkus:quarkus-micrometer-registry-prometheus");

        Properties properties = new Properties();
        properties.load(new StringReader(Repository.read(Repository.root().resolve(service + "/src/main/resources/application.properties"))));
        // A management interface would move health and metrics to another port (9000) than the probes use.
        assertThat(properties.getProperty("quarkus.management.enabled", "false")).as(service).isEqualTo("false");
        assertThat(properties.getProperty("quarkus.micrometer.export.prometheus.enabled", "true")).as(service).isEqualTo("true");
        String nonApplicationRoot = under("/", properties.getProperty("quarkus.http.non-application-root-path", "q"));
        String healthRoot = under(nonApplicationRoot, properties.getProperty("quarkus.smallrye-health.root-path", "health"));

        for (String overlay : Kustomize.OVERLAYS) {
            JsonNode deployment = Manifests.ofOverlay(overlay).get("Deployment", service);
            JsonNode container = Manifests.container(deployment);
            assertThat(container.path("startupProbe").path("httpGet").path("path").asText())
                    .isEqualTo(under(healthRoot, properties.getProperty("quarkus.smallrye-health.startup-path", "started")));
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
                    .isEqualTo(under(healthRoot, properties.getProperty("quarkus.smallrye-health.readiness-path", "ready")));
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
                    .isEqualTo(under(healthRoot, properties.getProperty("quarkus.smallrye-health.liveness-path", "live")));
            JsonNode annotations = deployment.path("spec").path("template").path("metadata").path("annotations");
            assertThat(annotations.path("prometheus.io/path").asText())
                    .isEqualTo(under(nonApplicationRoot, properties.getProperty("quarkus.micrometer.export.prometheus.path", "metrics")));

            // One port for the API, health and metrics: the one the service listens on there.
            String httpPort = Manifests.env(container, "QUARKUS_HTTP_PORT").map(variable -> variable.path("value").asText())
                    .orElse(properties.getProperty("quarkus.http.port", "8080"));
            assertThat(container.path("ports").path(0).path("name").asText()).isEqualTo("http");
            assertThat(container.path("ports").path(0).path("containerPort").asText()).isEqualTo(httpPort);
            assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(httpPort);
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                assertThat(container.path(probe).path("httpGet").path("port").asText()).isEqualTo("http");
            }
        }
    }

    /** Quarkus's rule: a relative path is under its root, an absolute one stands alone. */
    private static String under(String root, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        return (root.endsWith("/") ? root : root + "/") + path;
    }

    /** groupId:artifactId of the pom's dependencies that reach the running application (no test scope). */
    private static List<String> compileDependencies(String service) throws IOException {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var pom = factory.newDocumentBuilder().parse(Repository.root().resolve(service + "/pom.xml").toFile());
            Element dependencies = (Element) pom.getDocumentElement().getElementsByTagName("dependencies").item(0);
            NodeList nodes = dependencies.getElementsByTagName("dependency");
            List<String> coordinates = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element dependency = (Element) nodes.item(i);
                String scope = text(dependency, "scope");
                if (scope.isEmpty() || scope.equals("compile") || scope.equals("runtime")) {
                    coordinates.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
                }
            }
            return coordinates;
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException(e);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
