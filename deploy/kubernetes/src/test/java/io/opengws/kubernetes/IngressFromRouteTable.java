package io.opengws.kubernetes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opengws.local.edge.RouteTable;

/**
 * Writes base/ingress.yaml from deploy/routes.conf, read by the local edge's own parser: one Ingress per service
 * (each service has its own annotations) for ingress-nginx. A route pattern becomes an anchored regular
 * expression; ingress-nginx tries the regex locations of a host longest first, which gives the route table's
 * precedence (a more specific pattern is always the longer expression; {@code IngressTest} checks it on
 * every route).
 */
final class IngressFromRouteTable {

    static final String NOTIFICATION_SERVICE = "notification-service";
    /** CometD's browser cookie: a browser's long-polls must reach the replica that holds its session. */
    static final String STICKY_COOKIE = "BAYEUX_BROWSER";
    /** Well above the 30 s a /meta/connect is held (gws.cometd.timeout), so nginx never cuts a long-poll. */
    static final int LONG_POLL_TIMEOUT_SECONDS = 90;

    static final String HEADER = """
            # Generated from deploy/routes.conf by IngressFromRouteTable (deploy/kubernetes/src/test/java): do not edit.
            # After changing routes.conf, run ./mvnw verify -pl deploy/kubernetes -am and copy the file it names.
            # For ingress-nginx: each route is a regex (use-regex), tried longest first, so the most specific wins.
            """;

    private IngressFromRouteTable() {
    }

    /** The Ingress path of a route pattern: a literal matches itself, * one segment, a final ** the rest. */
    static String pathOf(String pattern) {
        StringBuilder path = new StringBuilder(RouteTable.API_PREFIX);
        for (String segment : pattern.split("/")) {
            switch (segment) {
                case "**" -> {
                    return path.append("(/.*)?$").toString();
                }
                case "*" -> path.append("/[^/]+");
                default -> {
                    if (!segment.matches("[a-z0-9-]+")) {
                        throw new IllegalArgumentException("routes.conf: '" + segment + "' in '" + pattern + "' would need escaping in a regex");
                    }
                    path.append('/').append(segment);
                }
            }
        }
        // The edge ignores a trailing slash; so does this.
        return path.append("/?$").toString();
    }

    /** The paths of each service, longest first (the order ingress-nginx tries them in), services as in the file. */
    static Map<String, List<String>> pathsByService(RouteTable table) {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        for (RouteTable.Route route : table.routes()) {
            paths.computeIfAbsent(route.service(), service -> new ArrayList<>()).add(pathOf(route.pattern()));
        }
        paths.values().forEach(list -> list.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())));
        return paths;
    }

    static String render(RouteTable table) {
        StringBuilder yaml = new StringBuilder(HEADER);
        boolean first = true;
        for (Map.Entry<String, List<String>> service : pathsByService(table).entrySet()) {
            if (!first) {
                yaml.append("---\n");
            }
            first = false;
            appendIngress(yaml, service.getKey(), service.getValue());
        }
        return yaml.toString();
    }

    private static void appendIngress(StringBuilder yaml, String service, List<String> paths) {
        yaml.append("apiVersion: networking.k8s.io/v1\n")
                .append("kind: Ingress\n")
                .append("metadata:\n")
                .append("  name: ").append(service).append('\n')
                .append("  annotations:\n")
                .append("    nginx.ingress.kubernetes.io/use-regex: \"true\"\n");
        if (service.equals(NOTIFICATION_SERVICE)) {
            yaml.append("    # CometD sessions live on one replica: hash on the browser cookie to keep a browser on its replica.\n")
                    .append("    nginx.ingress.kubernetes.io/upstream-hash-by: \"$cookie_").append(STICKY_COOKIE).append("\"\n")
                    .append("    # Long-polling: hold the held /meta/connect open, and pass each answer on at once.\n")
                    .append("    nginx.ingress.kubernetes.io/proxy-read-timeout: \"").append(LONG_POLL_TIMEOUT_SECONDS).append("\"\n")
                    .append("    nginx.ingress.kubernetes.io/proxy-send-timeout: \"").append(LONG_POLL_TIMEOUT_SECONDS).append("\"\n")
                    .append("    nginx.ingress.kubernetes.io/proxy-buffering: \"off\"\n");
        }
        yaml.append("spec:\n")
                .append("  ingressClassName: nginx\n")
                .append("  rules:\n")
                .append("    - http:\n")
                .append("        paths:\n");
        for (String path : paths) {
            yaml.append("          - path: '").append(path).append("'\n")
                    .append("            pathType: ImplementationSpecific\n")
                    .append("            backend:\n")
                    .append("              service:\n")
                    .append("                name: ").append(service).append('\n')
                    .append("                port:\n")
                    .append("                  name: http\n");
        }
    }
}
