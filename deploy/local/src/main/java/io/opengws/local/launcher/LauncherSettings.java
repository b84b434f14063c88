package io.opengws.local.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.opengws.local.GwsService;
import io.opengws.local.PortPlan;

/**
 * What {@code ./gws} is told through its environment. Every value has a default, so a plain
 * {@code ./gws up} needs none of them.
 *
 * <table>
 * <tr><td>GWS_REPOSITORY</td><td>the checkout whose builds are run (default: the working directory)</td></tr>
 * <tr><td>GWS_HOME</td><td>data, logs and pid files (default: {@code .gws} in the checkout)</td></tr>
 * <tr><td>GWS_PORT_BASE</td><td>the edge's port; services and infrastructure follow it (default 8080)</td></tr>
 * <tr><td>GWS_PUBLIC_ORIGIN</td><td>the origin in resource URIs (default {@code http://localhost:<edge port>})</td></tr>
 * <tr><td>GWS_ADMIN_USER, GWS_ADMIN_PASSWORD</td><td>the bootstrap cloud admin (default admin / admin)</td></tr>
 * <tr><td>GWS_SERVICE_JAVA_OPTS</td><td>JVM options of every service, instead of each one's defaults</td></tr>
 * <tr><td>GWS_NOTIFICATION_JAVA_OPTS, GWS_VOICE_JAVA_OPTS, GWS_CHAT_JAVA_OPTS, GWS_SMS_JAVA_OPTS</td>
 *     <td>JVM options of that one service, instead of the two above</td></tr>
 * </table>
 */
record LauncherSettings(Path repository, Path home, PortPlan ports, String publicOrigin, String adminUser,
        String adminPassword, java.util.Optional<List<String>> serviceJvmOptionsOverride,
        Map<GwsService, List<String>> jvmOptionsPerService) {

    /** The service's own GWS_<NAME>_JAVA_OPTS, else GWS_SERVICE_JAVA_OPTS, else its defaults. */
    List<String> serviceJvmOptions(GwsService service) {
        List<String> own = jvmOptionsPerService.get(service);
        return own != null ? own : serviceJvmOptionsOverride.orElseGet(service::defaultJvmOptions);
    }

    /** The variable that sets one service's JVM options: GWS_NOTIFICATION_JAVA_OPTS for notification-service. */
    static String jvmOptionsVariable(GwsService service) {
        return "GWS_" + service.name() + "_JAVA_OPTS";
    }

    static LauncherSettings fromEnvironment(Map<String, String> environment) {
        Path repository = Path.of(environment.getOrDefault("GWS_REPOSITORY", ".")).toAbsolutePath().normalize();
        Path home = environment.containsKey("GWS_HOME")
                ? Path.of(environment.get("GWS_HOME")).toAbsolutePath().normalize()
                : repository.resolve(".gws");
        PortPlan ports = new PortPlan(Integer.parseInt(environment.getOrDefault("GWS_PORT_BASE", String.valueOf(PortPlan.DEFAULT_BASE))));
        String origin = environment.getOrDefault("GWS_PUBLIC_ORIGIN", "http://localhost:" + ports.edge());
        java.util.Optional<List<String>> jvmOptions = java.util.Optional.ofNullable(environment.get("GWS_SERVICE_JAVA_OPTS"))
                .map(LauncherSettings::options);
        Map<GwsService, List<String>> perService = new EnumMap<>(GwsService.class);
        for (GwsService service : GwsService.values()) {
            String own = environment.get(jvmOptionsVariable(service));
            if (own != null) {
                perService.put(service, options(own));
            }
        }
        return new LauncherSettings(repository, home, ports, origin,
                environment.getOrDefault("GWS_ADMIN_USER", "admin"),
                environment.getOrDefault("GWS_ADMIN_PASSWORD", "admin"),
                jvmOptions, Map.copyOf(perService));
    }

    private static List<String> options(String commandLine) {
        return Arrays.stream(commandLine.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
    }

    /** A path as a person reads it: relative to the checkout where it lies inside it. */
    String relative(Path path) {
        return path.startsWith(repository) ? repository.relativize(path).toString() : path.toString();
    }
}
