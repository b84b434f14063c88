package io.opengws.local.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.opengws.local.LocalVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;

/**
 * {@code ./gws bench notifications}: N long-polling CometD sessions held on the notification service, events produced
 * to {@code gws.notifications.voice} at a set rate, each addressed to one user whose sessions all receive
 * it. Measures produce-to-receipt latency (producer and clients share this JVM's clock), delivered messages
 * per second and the notification service's resident memory, and prints one summary line.
 */
public final class NotificationsBenchmark {

    /**
     * What to run: {@code --sessions 2000 --users 200 --rate 500 --seconds 30 --warmup 15}. The sessions are
     * held on the notification service's own port, which is what the targets are about; {@code --edge 1} holds
     * them through the local edge instead (in Kubernetes the Ingress has that place). The warm-up is long
     * enough for a service started just before to be compiled ({@code --trace 1} shows it). {@code --trace 1}
     * prints each second's latencies and the service's CPU, to tell a steady tail from a stall.
     */
    public record Options(int sessions, int users, int eventsPerSecond, int seconds, int warmupSeconds, boolean direct, boolean trace) {

        static Options parse(List<String> arguments) {
            Map<String, Integer> values = BenchApi.integerOptions(arguments, Map.of("sessions", 2000, "users", 200, "rate", 500,
                    "seconds", 30, "warmup", 15, "edge", 0, "trace", 0));
            return new Options(values.get("sessions"), Math.min(values.get("users"), values.get("sessions")), values.get("rate"),
                    values.get("seconds"), values.get("warmup"), values.get("edge") == 0, values.get("trace") != 0);
        }
    }

    private final Options options;
    private final int edgePort;
    private final int notificationPort;
    private final String kafka;
    private final String adminUser;
    private final String adminPassword;
    private final Path notificationPidFile;
    private final Recorder latencies = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
    private final Recorder thisSecond = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private String contactCenterId;

    public NotificationsBenchmark(Options options, int edgePort, int notificationPort, String kafka, String adminUser, String adminPassword, Path notificationPidFile) {
        this.options = options;
        this.edgePort = edgePort;
        this.notificationPort = notificationPort;
        this.kafka = kafka;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.notificationPidFile = notificationPidFile;
    }

    public static Options options(List<String> arguments) {
        return Options.parse(arguments);
    }

    public String run() throws Exception {
        List<String[]> users = provision();
        Vertx vertx = LocalVertx.create();
        HttpClient http = BenchApi.desktops(vertx, options.sessions() * 2 + 100);
        List<LongPollClient> clients = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 0))) {
            connectAll(vertx, http, users, clients);
            long held = clients.stream().filter(LongPollClient::isConnected).count();
            java.util.Optional<java.util.concurrent.ScheduledExecutorService> tracer = options.trace()
                    ? java.util.Optional.of(startTrace(System.nanoTime() + TimeUnit.SECONDS.toNanos(options.warmupSeconds())))
                    : java.util.Optional.empty();
            produceFor(producer, users, options.warmupSeconds());
            latencies.reset();
            delivered.set(0);
            long start = System.nanoTime();
            produceFor(producer, users, options.seconds());
            // The rate is over the window the events were produced in; the wait lets the last of them arrive.
            double elapsed = (System.nanoTime() - start) / 1e9;
            tracer.ifPresent(java.util.concurrent.ScheduledExecutorService::shutdownNow);
            Thread.sleep(500);
            Histogram histogram = latencies.getIntervalHistogram();
            held = Math.min(held, clients.stream().filter(LongPollClient::isConnected).count());
            return String.format(java.util.Locale.ROOT,
                    "bench notifications: via=%s sessions=%d held=%d users=%d produced=%d/s delivered=%.0f/s %s rss=%s errors=%d",
                    options.direct() ? "direct" : "edge", options.sessions(), held, users.size(), options.eventsPerSecond(), delivered.get() / elapsed,
                    Measurement.summary(histogram), residentMemory(), errors.get());
        } finally {
            LongPollClient.disconnectAll(clients);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** One line a second on stderr (p50, p99, max, the service's CPU use in that second), the
     * warm-up's seconds counted back from the measured window's {@code start}. */
    private java.util.concurrent.ScheduledExecutorService startTrace(long start) {
        java.util.concurrent.ScheduledExecutorService tracer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        thisSecond.reset();
        long[] lastCpu = {cpuTicks()};
        tracer.scheduleAtFixedRate(() -> {
            Histogram second = thisSecond.getIntervalHistogram();
            long cpu = cpuTicks();
            System.err.printf(java.util.Locale.ROOT, "trace t=%5.1fs n=%d %s service-cpu=%d%%%n", (System.nanoTime() - start) / 1e9,
                    second.getTotalCount(), Measurement.summary(second), cpu - lastCpu[0]);
            lastCpu[0] = cpu;
        }, 1, 1, TimeUnit.SECONDS);
        return tracer;
    }

    /** /proc/<pid> of the notification service, from the pid file ./gws up writes. */
    private Path serviceProc() throws java.io.IOException {
        return Path.of("/proc", Files.readString(notificationPidFile).trim());
    }

    /** The service's user and system CPU time so far, in clock ticks (100 a second on Linux). */
    private long cpuTicks() {
        try {
            String[] fields = Files.readString(serviceProc().resolve("stat")).replaceFirst(".*\\) ", "").split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (Exception unknown) {
            return 0;
        }
    }

    /** A contact center of its own with {@code users} agents; returns id, user name and password of each. */
    private List<String[]> provision() throws Exception {
        BenchApi api = new BenchApi("http://localhost:" + edgePort);
        String cloudAdmin = BenchApi.basic(adminUser, adminPassword);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String center = contactCenterId = api.post("/api/v2/contact-centers", cloudAdmin, Map.of("name", "bench-" + tag,
                "features", List.of("api-voice", "api-provisioning-read", "api-provisioning-write"))).path("id").asText();
        List<String[]> users = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> created = new ArrayList<>();
        for (int i = 0; i < options.users(); i++) {
            String userName = "bench-" + tag + "-" + i + "@bench.local";
            String password = "bench-" + UUID.randomUUID();
            created.add(pool.submit(() -> {
                String id = api.post("/api/v2/users", cloudAdmin, Map.of("userName", userName, "password", password, "firstName", "Bench",
                        "lastName", "Agent", "roles", List.of("ROLE_AGENT"), "contactCenterId", center)).path("id").asText();
                users.add(new String[] {id, userName, password});
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> future : created) {
            future.get();
        }
        pool.shutdown();
        return new ArrayList<>(users);
    }

    /** Sessions are spread evenly over the users; at most 64 handshakes are in flight at once. */
    private void connectAll(Vertx vertx, HttpClient http, List<String[]> users, List<LongPollClient> clients) throws Exception {
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(64);
        List<Future<Void>> started = new ArrayList<>();
        for (int i = 0; i < options.sessions(); i++) {
            String[] user = users.get(i % users.size());
            LongPollClient client = new LongPollClient(vertx, http, "localhost", options.direct() ? notificationPort : edgePort, BenchApi.basic(user[1], user[2]),
                    reply -> LongPollClient.scanSentAt(reply, this::received), errors::incrementAndGet);
            clients.add(client);
            inFlight.acquire();
            started.add(client.start("/v2/me/*").onComplete(done -> inFlight.release()));
        }
        for (Future<Void> future : started) {
            future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        }
    }

    private void received(long sentAtNanos) {
        long micros = Math.max(0, (System.nanoTime() - sentAtNanos) / 1000);
        latencies.recordValue(micros);
        thisSecond.recordValue(micros);
        delivered.incrementAndGet();
    }

    /** Paced in 10 ms ticks: each tick sends its share of the second's events. */
    private void produceFor(KafkaProducer<String, String> producer, List<String[]> users, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        double perTick = options.eventsPerSecond() / 100.0;
        double owed = 0;
        long tick = System.nanoTime();
        while (System.nanoTime() < end) {
            owed += perTick;
            while (owed >= 1) {
                owed -= 1;
                String userId = users.get(ThreadLocalRandom.current().nextInt(users.size()))[0];
                producer.send(new ProducerRecord<>("gws.notifications.voice", userId, event(contactCenterId, userId)));
            }
            tick += TimeUnit.MILLISECONDS.toNanos(10);
            long sleep = tick - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
        producer.flush();
    }

    /** Addressed as a channel service addresses it: the recipient and its contact center. */
    private static String event(String contactCenterId, String userId) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"contactCenterId\":\"" + contactCenterId + "\",\"userId\":\"" + userId
                + "\",\"channel\":\"/v2/me/calls\",\"data\":{\"messageType\":\"BenchMessage\",\"benchSentAtNanos\":" + System.nanoTime()
                + "},\"occurredAt\":\"" + java.time.Instant.now() + "\"}";
    }

    private String residentMemory() {
        try {
            for (String line : Files.readAllLines(serviceProc().resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (kib / 1024) + "MiB";
                }
            }
        } catch (Exception unknown) {
            return "unknown";
        }
        return "unknown";
    }
}
