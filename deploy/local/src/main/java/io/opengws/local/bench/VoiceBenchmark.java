package io.opengws.local.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/**
 * {@code ./gws bench voice}: agents in a contact center of their own take simulated customer calls, each call
 * monitored by a coaching supervisor for the first {@code supervisors} agents. Every agent works the call
 * through Answer, Hold, Retrieve and Hangup at a paced rate; every supervisor answers its monitoring leg. The
 * latency of an operation runs from its POST to the CallStateChangeMessage it causes, received on CometD
 * through the edge, as a desktop sees it.
 */
public final class VoiceBenchmark {

    public record Options(int agents, int supervisors, int operationsPerSecond, int seconds, int warmupSeconds) {
    }

    private record Account(String id, String authorization, String deviceId, String phoneNumber) {
    }

    private final Options options;
    private final int edgePort;
    private final String adminUser;
    private final String adminPassword;
    private final Measurement measurement = new Measurement(List.of("operations", "calls", "errors"));
    private final AtomicBoolean running = new AtomicBoolean(true);
    private BenchApi api;
    private String admin;

    public VoiceBenchmark(Options options, int edgePort, String adminUser, String adminPassword) {
        this.options = options;
        this.edgePort = edgePort;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    public static Options options(List<String> arguments) {
        Map<String, Integer> values = BenchApi.integerOptions(arguments, Map.of("agents", 200, "supervisors", 50, "rate", 500,
                "seconds", 30, "warmup", 10));
        if (values.get("supervisors") > values.get("agents")) {
            throw new IllegalArgumentException("--supervisors must not exceed --agents (each coaches one agent)");
        }
        return new Options(values.get("agents"), values.get("supervisors"), values.get("rate"), values.get("seconds"), values.get("warmup"));
    }

    public String run() throws Exception {
        api = new BenchApi("http://localhost:" + edgePort);
        List<Account> agents = new ArrayList<>();
        List<Account> supervisors = new ArrayList<>();
        provision(agents, supervisors);
        Vertx vertx = Vertx.vertx();
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(4 * (agents.size() + supervisors.size())));
        List<LongPollClient> clients = new ArrayList<>();
        Map<String, BlockingQueue<JsonNode>> inboxes = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(agents.size() + supervisors.size());
        try {
            for (Account account : concat(agents, supervisors)) {
                BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
                inboxes.put(account.id, inbox);
                LongPollClient client = new LongPollClient(http, "localhost", edgePort, account.authorization,
                        reply -> collectCalls(reply, inbox), () -> measurement.count("errors"));
                clients.add(client);
                client.start("/v2/me/*").toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            }
            for (int i = 0; i < supervisors.size(); i++) {
                api.post("/api/v2/me/devices/" + supervisors.get(i).deviceId, supervisors.get(i).authorization,
                        Map.of("operationName", "Coach", "targetDeviceUri", "http://localhost:" + edgePort + "/api/v2/devices/" + agents.get(i).deviceId));
            }
            List<Future<?>> loops = new ArrayList<>();
            long pauseNanos = TimeUnit.SECONDS.toNanos(1) * agents.size() / Math.max(1, options.operationsPerSecond());
            for (Account agent : agents) {
                loops.add(workers.submit(() -> agentLoop(agent, inboxes.get(agent.id), pauseNanos)));
            }
            for (Account supervisor : supervisors) {
                loops.add(workers.submit(() -> supervisorLoop(supervisor, inboxes.get(supervisor.id))));
            }
            Measurement.Window window = measurement.measure(options.warmupSeconds(), options.seconds());
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(60, TimeUnit.SECONDS);
            }
            return String.format(Locale.ROOT,
                    "bench voice: agents=%d supervisors=%d offered=%d ops/s calls=%d operations=%.0f/s %s errors=%d",
                    agents.size(), supervisors.size(), options.operationsPerSecond(), window.count("calls"), window.perSecond("operations"),
                    window.latencySummary(), window.count("errors"));
        } finally {
            running.set(false);
            workers.shutdownNow();
            LongPollClient.disconnectAll(clients);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** A customer calls the agent's own number; the agent answers, holds, retrieves and hangs up, paced. */
    private Void agentLoop(Account agent, BlockingQueue<JsonNode> inbox, long pauseNanos) {
        String customer = "+1555" + String.format(Locale.ROOT, "%07d", Math.abs(agent.id.hashCode()) % 10_000_000);
        while (running.get()) {
            try {
                inbox.clear();
                JsonNode ringing = timed(inbox, null, "Ringing", () -> api.post("/api/v2/simulator/calls", admin, Map.of("from", customer, "to", agent.phoneNumber)));
                String callId = ringing.path("id").asText();
                for (String[] step : new String[][] {{"Answer", "Established"}, {"Hold", "Held"}, {"Retrieve", "Established"}, {"Hangup", "Released"}}) {
                    pause(pauseNanos);
                    timed(inbox, callId, step[1], () -> api.post("/api/v2/me/calls/" + callId, agent.authorization, Map.of("operationName", step[0])));
                }
                measurement.count("calls");
                pause(pauseNanos);
            } catch (Exception failure) {
                measurement.count("errors");
                pause(TimeUnit.MILLISECONDS.toNanos(500));
            }
        }
        return null;
    }

    /** The coach answers each monitoring call that rings. */
    private Void supervisorLoop(Account supervisor, BlockingQueue<JsonNode> inbox) {
        while (running.get()) {
            try {
                JsonNode call = inbox.poll(200, TimeUnit.MILLISECONDS);
                if (call != null && call.path("state").asText().equals("Ringing")) {
                    String callId = call.path("id").asText();
                    timed(inbox, callId, "Established", () -> api.post("/api/v2/me/calls/" + callId, supervisor.authorization, Map.of("operationName", "Answer")));
                }
            } catch (Exception failure) {
                measurement.count("errors");
            }
        }
        return null;
    }

    private interface Request {
        void send() throws Exception;
    }

    /** Sends the request and waits for the call (of {@code callId}, or any) to reach {@code state}. */
    private JsonNode timed(BlockingQueue<JsonNode> inbox, String callId, String state, Request request) throws Exception {
        long start = System.nanoTime();
        request.send();
        long deadline = start + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode call = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (call != null && state.equals(call.path("state").asText()) && (callId == null || callId.equals(call.path("id").asText()))) {
                measurement.latency(start, System.nanoTime());
                measurement.count("operations");
                return call;
            }
        }
        throw new IllegalStateException("no " + state + " within 10 s");
    }

    private static void collectCalls(String reply, BlockingQueue<JsonNode> inbox) {
        if (!reply.contains("CallStateChangeMessage")) {
            return;
        }
        try {
            for (JsonNode message : BenchApi.JSON.readTree(reply)) {
                JsonNode data = message.path("data");
                if ("CallStateChangeMessage".equals(data.path("messageType").asText())) {
                    inbox.add(data.path("call"));
                }
            }
        } catch (java.io.IOException ignored) {
            // Not JSON: the connect loop reports transport errors itself.
        }
    }

    /** A contact center of its own: an admin, agents and supervisors with devices and voice sessions. */
    private void provision(List<Account> agents, List<Account> supervisors) throws Exception {
        BenchApi.ContactCenter center = api.contactCenter(BenchApi.basic(adminUser, adminPassword), "voice",
                List.of("api-voice", "api-supervisor-monitoring", "api-simulator", "api-provisioning-read", "api-provisioning-write"), Map.of());
        admin = center.admin();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Account>> created = new ArrayList<>();
        for (int i = 0; i < options.agents() + options.supervisors(); i++) {
            boolean supervisor = i >= options.agents();
            String phoneNumber = String.valueOf(20_000 + i);
            created.add(pool.submit(() -> account(center, phoneNumber, supervisor)));
        }
        for (int i = 0; i < created.size(); i++) {
            (i < options.agents() ? agents : supervisors).add(created.get(i).get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();
        for (Account agent : agents) {
            readySoon(agent);
        }
    }

    private Account account(BenchApi.ContactCenter center, String phoneNumber, boolean supervisor) throws Exception {
        BenchApi.User user = api.user(center, phoneNumber, supervisor);
        String deviceId = eventually(() -> api.post("/api/v2/users/" + user.id() + "/devices", admin, Map.of("phoneNumber", phoneNumber)).path("id").asText());
        eventually(() -> api.post("/api/v2/me", user.authorization(), Map.of("operationName", "StartContactCenterSession", "channels", List.of("voice"))));
        return new Account(user.id(), user.authorization(), deviceId, phoneNumber);
    }

    private void readySoon(Account agent) throws Exception {
        eventually(() -> api.post("/api/v2/me/channels/voice", agent.authorization, Map.of("operationName", "Ready")));
    }

    private static <T> T eventually(BenchApi.Attempt<T> attempt) throws Exception {
        return BenchApi.eventually(attempt);
    }

    private static void pause(long nanos) {
        BenchApi.pause(nanos);
    }

    private static List<Account> concat(List<Account> first, List<Account> second) {
        List<Account> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
