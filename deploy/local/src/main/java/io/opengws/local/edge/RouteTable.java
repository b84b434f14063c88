package io.opengws.local.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The route table of {@code deploy/routes.conf}: which service serves a path under {@code /api/v2}.
 * Patterns match segment by segment ({@code *} one segment, a final {@code **} any number); the most
 * specific matching route wins, so the file's order does not matter.
 */
public final class RouteTable {

    public static final String API_PREFIX = "/api/v2";
    private static final String RESOURCE = "routes.conf";

    /** One line of the table, its pattern split once: every request through the edge is matched against the table. */
    public record Route(String service, String pattern, List<String> segments) {

        public Route(String service, String pattern) {
            this(service, pattern, List.of(pattern.split("/")));
        }

        boolean matches(List<String> path) {
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                if (segment.equals("**")) {
                    return true;
                }
                if (i >= path.size() || !(segment.equals("*") || segment.equals(path.get(i)))) {
                    return false;
                }
            }
            return path.size() == segments.size();
        }

        int literalSegments() {
            return (int) segments().stream().filter(segment -> !segment.equals("*") && !segment.equals("**")).count();
        }

        boolean openEnded() {
            return pattern.endsWith("**");
        }
    }

    private static final Comparator<Route> MOST_SPECIFIC_FIRST = Comparator
            .comparingInt(Route::literalSegments).reversed()
            .thenComparing(Route::openEnded);

    private final List<Route> routes;

    /** Most specific first (ties in the file's order): the first that matches a path serves it. */
    private final List<Route> bySpecificity;

    private RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
        this.bySpecificity = routes.stream().sorted(MOST_SPECIFIC_FIRST).toList();
    }

    /** The table shipped in this jar (a copy of {@code deploy/routes.conf}). */
    public static RouteTable load() {
        try (InputStream in = RouteTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("routes.conf is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RouteTable parse(String text) {
        List<Route> routes = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.split("\n")) {
            lineNumber++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String[] fields = content.split("\\s+");
            if (fields.length != 2) {
                throw new IllegalArgumentException("routes.conf line " + lineNumber + ": expected '<service> <pattern>', got '" + content + "'");
            }
            String pattern = fields[1];
            if (pattern.startsWith("/") || pattern.indexOf("**") >= 0 && !pattern.endsWith("**")) {
                throw new IllegalArgumentException("routes.conf line " + lineNumber + ": a pattern has no leading slash and ** only at its end");
            }
            routes.add(new Route(fields[0], pattern));
        }
        return new RouteTable(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    /** The service serving {@code path} (the full request path, e.g. {@code /api/v2/me/devices/1}), if any. */
    public Optional<String> serviceFor(String path) {
        if (!path.equals(API_PREFIX) && !path.startsWith(API_PREFIX + "/")) {
            return Optional.empty();
        }
        List<String> segments = segmentsAfterPrefix(path);
        for (Route route : bySpecificity) {
            if (route.matches(segments)) {
                return Optional.of(route.service());
            }
        }
        return Optional.empty();
    }

    private static List<String> segmentsAfterPrefix(String path) {
        String rest = path.substring(API_PREFIX.length());
        return Arrays.stream(rest.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }
}
