package io.opengws.kubernetes;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * Renders a kustomization with {@code kubectl kustomize}, as {@code kubectl apply -k} would. Without kubectl the
 * tests fail on CI and are skipped elsewhere (with the reason).
 */
final class Kustomize {

    static final List<String> OVERLAYS = List.of("dev", "production");

    /** labels, patches with targets and the other fields these kustomizations use came with kustomize v5. */
    private static final int REQUIRED_MAJOR = 5;

    private static final ConcurrentHashMap<Path, String> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    static Path overlay(String name) {
        return Repository.kubernetes().resolve("overlays").resolve(name);
    }

    /** The overlay's objects as YAML; rendered once per test run. */
    static String render(String overlay) {
        return RENDERED.computeIfAbsent(overlay(overlay), Kustomize::kubectlKustomize);
    }

    private static String kubectlKustomize(Path directory) {
        requireKubectl();
        Run run = run("kubectl", "kustomize", directory.toString());
        if (run.exit != 0) {
            fail("kubectl kustomize " + directory + " failed:\n" + run.err);
        }
        return run.out;
    }

    static void requireKubectl() {
        Run version;
        try {
            version = run("kubectl", "version", "--client");
        } catch (UncheckedIOException e) {
            String reason = "kubectl is not installed (Debian: apt-get install kubernetes-client; .ci/run installs it when absent)";
            if (Repository.onCi()) {
                fail(reason);
            }
            Assumptions.abort(reason);
            return;
        }
        Matcher kustomize = Pattern.compile("Kustomize Version: v(\\d+)\\.").matcher(version.out);
        if (!kustomize.find() || Integer.parseInt(kustomize.group(1)) < REQUIRED_MAJOR) {
            fail("kubectl's kustomize must be v" + REQUIRED_MAJOR + " or newer (kubectl 1.27+); kubectl version --client says:\n" + version.out);
        }
    }

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... command) {
        Path errors = null;
        try {
            // stderr goes to a file, so that neither stream can fill up and block the process.
            errors = Files.createTempFile("kubectl", ".err");
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within 60 s");
            }
            return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(errors));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (errors != null) {
                errors.toFile().delete();
            }
        }
    }
}
