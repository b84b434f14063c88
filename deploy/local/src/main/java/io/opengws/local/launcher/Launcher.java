package io.opengws.local.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import sun.misc.Signal;

/**
 * {@code ./gws up | down | status}: runs the whole system in the foreground until Ctrl-C (or
 * {@code ./gws down} from another shell), stops it, or tells what runs. Messages for people go to the
 * terminal; each service's own output goes to its log file under {@code $GWS_HOME/logs}.
 */
public final class Launcher {

    private final LauncherSettings settings;
    private final RunDirectory run;
    private final PrintStream out;

    Launcher(LauncherSettings settings, PrintStream out) {
        this.settings = settings;
        this.run = new RunDirectory(settings.home());
        this.out = out;
    }

    public static void main(String[] arguments) {
        LauncherSettings settings = LauncherSettings.fromEnvironment(System.getenv());
        Launcher launcher = new Launcher(settings, System.out);
        String command = arguments.length == 0 ? "help" : arguments[0];
        int exitCode = switch (command) {
            case "up" -> launcher.up();
            case "down" -> launcher.down();
            case "status" -> launcher.status();
            case "bench" -> launcher.bench(java.util.Arrays.asList(arguments).subList(1, arguments.length));
            default -> launcher.help();
        };
        System.exit(exitCode);
    }

    int up() {
        Optional<ProcessHandle> running = run.live(RunDirectory.LAUNCHER);
        if (running.isPresent()) {
            out.println("gws: already running (pid " + running.get().pid() + "); stop it with ./gws down");
            return 1;
        }
        stopLeftovers();
        run.clear();
        run.writePid(RunDirectory.LAUNCHER, ProcessHandle.current().pid());

        LocalSystem system = new LocalSystem(settings, run, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        AtomicBoolean stopping = new AtomicBoolean();
        Runnable stopInOrder = () -> {
            if (stopping.compareAndSet(false, true)) {
                out.println("gws: stopping");
                main.interrupt();
                system.stop();
                out.println("gws: stopped");
                stopped.countDown();
            }
        };
        // Ctrl-C and ./gws down stop the services, then Kafka and PostgreSQL, before the JVM's shutdown hooks run:
        // the embedded PostgreSQL has a hook of its own, which, run beside this one, stopped the database under the
        // services still running (connection errors in their logs at every stop). The hook stays for any other exit.
        for (String signal : List.of("INT", "TERM")) {
            Signal.handle(new Signal(signal), received -> {
                stopInOrder.run();
                System.exit(0);
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopInOrder.run();
            awaitQuietly(stopped);
        }, "gws-stop"));
        try {
            system.start();
        } catch (RuntimeException failure) {
            out.println("gws: could not start: " + failure.getMessage());
            return 1; // System.exit runs the shutdown hook, which stops what did start.
        }
        printSummary(system);
        system.superviseUntilInterrupted();
        Thread.interrupted(); // interrupted by the stop, which goes on in another thread: this one waits for it
        awaitQuietly(stopped);
        return 0;
    }

    private void printSummary(LocalSystem system) {
        out.println("gws: GWS is up at " + settings.publicOrigin());
        system.endpoints().forEach((name, url) -> out.printf("  %-22s %s%n", name, url));
        out.printf("  %-22s %s / %s (set GWS_ADMIN_USER, GWS_ADMIN_PASSWORD to change)%n", "cloud admin",
                settings.adminUser(), settings.adminPassword());
        out.println("gws: stop with Ctrl-C, or ./gws down from another shell");
    }

    int down() {
        Optional<ProcessHandle> launcher = run.live(RunDirectory.LAUNCHER);
        if (launcher.isEmpty()) {
            int leftovers = stopLeftovers();
            out.println(leftovers == 0 ? "gws: not running" : "gws: stopped " + leftovers + " process(es) a previous run left behind");
            run.clear();
            return 0;
        }
        out.println("gws: stopping the system (launcher pid " + launcher.get().pid() + ")");
        launcher.get().destroy();
        try {
            launcher.get().onExit().get(90, TimeUnit.SECONDS);
        } catch (Exception timeout) {
            launcher.get().destroyForcibly();
        }
        stopLeftovers();
        run.clear();
        out.println("gws: stopped");
        return 0;
    }

    int status() {
        Optional<ProcessHandle> launcher = run.live(RunDirectory.LAUNCHER);
        if (launcher.isEmpty()) {
            out.println("gws: not running");
            return 3;
        }
        out.println("gws: running (launcher pid " + launcher.get().pid() + ") at " + settings.publicOrigin());
        run.liveProcesses().forEach((name, process) -> {
            if (!name.equals(RunDirectory.LAUNCHER)) {
                out.printf("  %-22s pid %d%n", name, process.pid());
            }
        });
        try {
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + settings.ports().edge() + "/q/health"))
                            .timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            out.println("  health: " + health.body());
            return health.statusCode() == 200 ? 0 : 1;
        } catch (Exception unreachable) {
            out.println("  health: the edge does not answer (" + unreachable.getMessage() + ")");
            return 1;
        }
    }

    /** {@code ./gws bench notifications [--sessions N --users N --rate EVENTS_PER_S --seconds N --warmup N]} against a running system. */
    int bench(java.util.List<String> arguments) {
        if (arguments.isEmpty() || !List.of("notifications", "voice", "chat").contains(arguments.get(0))) {
            out.println("usage: ./gws bench notifications [--sessions 2000] [--users 200] [--rate 500] [--seconds 30] [--warmup 15] [--edge 1] [--trace 1]");
            out.println("       ./gws bench voice [--agents 200] [--supervisors 50] [--rate 500] [--seconds 30] [--warmup 120] [--trace 1]");
            out.println("       ./gws bench chat [--chats 300] [--supervisors 30] [--rate 1000] [--seconds 30] [--warmup 120] [--trace 1]");
            return 2;
        }
        if (run.live(RunDirectory.LAUNCHER).isEmpty()) {
            out.println("gws: start the system first with ./gws up (the benchmark measures it as it runs)");
            return 1;
        }
        try {
            java.util.List<String> options = arguments.subList(1, arguments.size());
            java.util.concurrent.Callable<String> benchmark;
            if (arguments.get(0).equals("voice")) {
                var voice = io.opengws.local.bench.VoiceBenchmark.options(options);
                announce(voice, voice.warmupSeconds(), voice.seconds());
                benchmark = new io.opengws.local.bench.VoiceBenchmark(voice, settings.ports().edge(), settings.adminUser(),
                        settings.adminPassword())::run;
            } else if (arguments.get(0).equals("chat")) {
                var chat = io.opengws.local.bench.ChatBenchmark.options(options);
                announce(chat, chat.warmupSeconds(), chat.seconds());
                benchmark = new io.opengws.local.bench.ChatBenchmark(chat, settings.ports().edge(), settings.adminUser(),
                        settings.adminPassword())::run;
            } else {
                var notifications = io.opengws.local.bench.NotificationsBenchmark.options(options);
                announce(notifications, notifications.warmupSeconds(), notifications.seconds());
                benchmark = new io.opengws.local.bench.NotificationsBenchmark(notifications, settings.ports().edge(),
                        settings.ports().service(io.opengws.local.GwsService.NOTIFICATION),
                        "localhost:" + settings.ports().kafka(), settings.adminUser(), settings.adminPassword(),
                        settings.home().resolve("run").resolve("notification-service.pid"))::run;
            }
            out.println(benchmark.call());
            return 0;
        } catch (Exception failure) {
            out.println("gws: benchmark failed: " + failure.getMessage());
            return 1;
        }
    }

    private void announce(Object options, int warmupSeconds, int seconds) {
        out.println("gws: benchmark " + options + " (provisioning, connecting, " + warmupSeconds + " s warm-up, then "
                + seconds + " s measured)");
    }

    int help() {
        out.println("usage: ./gws up | down | status | bench notifications|voice|chat");
        out.println("  up      start PostgreSQL, Kafka, the four services and the edge; Ctrl-C stops everything");
        out.println("  down    stop a system started by ./gws up in another shell");
        out.println("  status  show what runs and whether every service is ready");
        out.println("  bench notifications  measure CometD delivery against the running system (see README)");
        out.println("  bench voice          measure monitored call operations, POST to notification (see README)");
        return 2;
    }

    /** Processes a launcher that was killed outright left behind, including the PostgreSQL server. */
    private int stopLeftovers() {
        int stopped = 0;
        for (Map.Entry<String, ProcessHandle> process : run.liveProcesses().entrySet()) {
            if (!process.getKey().equals(RunDirectory.LAUNCHER)) {
                terminate(process.getValue());
                stopped++;
            }
        }
        Optional<ProcessHandle> postgres = postmaster();
        if (postgres.isPresent()) {
            terminate(postgres.get());
            stopped++;
        }
        return stopped;
    }

    private Optional<ProcessHandle> postmaster() {
        Path pidFile = settings.home().resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false));
        } catch (Exception unreadable) {
            return Optional.empty();
        }
    }

    private static void terminate(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception timeout) {
            process.destroyForcibly();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
