package io.opengws.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.io.StringReader;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each Dockerfile copies what the build really produces: Quarkus's fast-jar (target/quarkus-app: lib/, app/,
 * quarkus/, quarkus-run.jar) for the JVM image, the native executable (target/*-runner) for the native one.
 * In the full build the services are packaged before this module, so their outputs are checked on disk.
 */
class DockerfilesTest {

    static final List<String> FAST_JAR = List.of("target/quarkus-app/lib/", "target/quarkus-app/quarkus-run.jar",
            "target/quarkus-app/app/", "target/quarkus-app/quarkus/");

    record Copy(String from, List<String> sources) {
    }

    @ParameterizedTest
    @ValueSource(strings = { "notification-service", "voice-service", "chat-service", "sms-service" })
    void jvmImageCopiesTheFastJar(String service) {
        Path module = Repository.root().resolve(service);
        List<Copy> copies = copies(module.resolve("src/main/docker/Dockerfile.jvm"));
        List<String> sources = copies.stream().flatMap(copy -> copy.sources.stream()).toList();
        assertThat(sources).containsExactlyInAnyOrderElementsOf(FAST_JAR);
        assertThat(packageTypeOf(service)).isEqualTo("fast-jar");
        if (nativeBuild()) {
            return;
        }
        requireBuilt(module.resolve("target/quarkus-app"), service);
        for (String source : sources) {
            Path produced = module.resolve(source);
            assertThat(source.endsWith("/") ? Files.isDirectory(produced) : Files.isRegularFile(produced)).as(produced.toString()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "notification-service", "voice-service", "chat-service", "sms-service" })
    void nativeImageBuildsTheServiceAndCopiesItsRunner(String service) {
        Path dockerfile = Repository.root().resolve(service + "/src/main/docker/Dockerfile.native");
        String text = Repository.read(dockerfile);
        List<Copy> copies = copies(dockerfile);
        // The build stage compiles this service from the whole checkout (the parent pom lists every module).
        assertThat(text).contains("AS build", "mandrel-builder-image", "WORKDIR /project");
        assertThat(text).containsPattern("RUN ./mvnw .*package -Pnative .*-pl " + service + " -am");
        assertThat(copies.get(0)).isEqualTo(new Copy(null, List.of(".")));
        // The runtime stage takes the executable the native build writes: <artifactId>-<version>-runner.
        Copy runner = copies.get(1);
        assertThat(runner.from).isEqualTo("build");
        assertThat(runner.sources).singleElement().asString().startsWith("/project/" + service + "/target/");
        String glob = runner.sources.get(0).substring(("/project/" + service + "/").length());
        String expected = "target/" + service + "-" + System.getProperty("gws.version") + "-runner";
        assertThat(FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(expected))).as(glob + " matches " + expected).isTrue();
        assertThat(FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of("target/quarkus-app/quarkus-run.jar"))).isFalse();
        if (nativeBuild()) {
            requireBuilt(Repository.root().resolve(service).resolve(expected), service);
        }
    }

    /** The COPY instructions: their --from stage (or null) and their sources (all but the last word). */
    static List<Copy> copies(Path dockerfile) {
        List<Copy> copies = new ArrayList<>();
        for (String line : Repository.read(dockerfile).lines().map(String::strip).toList()) {
            if (!line.startsWith("COPY ")) {
                continue;
            }
            List<String> words = new ArrayList<>(Arrays.asList(line.substring(5).strip().split("\\s+")));
            String from = null;
            while (words.get(0).startsWith("--")) {
                String flag = words.remove(0);
                if (flag.startsWith("--from=")) {
                    from = flag.substring("--from=".length());
                }
            }
            copies.add(new Copy(from, List.copyOf(words.subList(0, words.size() - 1))));
        }
        return copies;
    }

    /** quarkus.package.jar.type of the service (fast-jar unless its application.properties says otherwise). */
    private static String packageTypeOf(String service) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Repository.read(Repository.root().resolve(service + "/src/main/resources/application.properties"))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties.getProperty("quarkus.package.jar.type", "fast-jar");
    }

    private static boolean nativeBuild() {
        return Boolean.getBoolean("gws.native");
    }

    private static void requireBuilt(Path output, String service) {
        if (Files.exists(output)) {
            return;
        }
        String reason = output + " is missing: package " + service + " first (./mvnw verify builds the services before this module)";
        if (Repository.onCi()) {
            fail(reason);
        }
        Assumptions.abort(reason);
    }
}
