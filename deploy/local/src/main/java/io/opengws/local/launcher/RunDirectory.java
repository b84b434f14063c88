package io.opengws.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pid files of a running system under {@code $GWS_HOME/run}: the launcher's, and each process it
 * started, so that {@code ./gws down} and {@code ./gws status} find them from another shell, and so that
 * processes a killed launcher left behind can still be stopped.
 */
final class RunDirectory {

    static final String LAUNCHER = "launcher";

    private final Path directory;

    RunDirectory(Path home) {
        this.directory = home.resolve("run");
    }

    void writePid(String name, long pid) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(name + ".pid"), Long.toString(pid), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live process recorded under {@code name}, if it is still running. */
    Optional<ProcessHandle> live(String name) {
        Path file = directory.resolve(name + ".pid");
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Every recorded process that still runs, by name. */
    Map<String, ProcessHandle> liveProcesses() {
        Map<String, ProcessHandle> live = new LinkedHashMap<>();
        if (!Files.isDirectory(directory)) {
            return live;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.pid")) {
            for (Path file : files) {
                String name = file.getFileName().toString().replace(".pid", "");
                live(name).ifPresent(process -> live.put(name, process));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return live;
    }

    void clear() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.pid")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
