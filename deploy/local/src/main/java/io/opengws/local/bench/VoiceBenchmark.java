package io.opengws.local.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

import io.opengws.local.LocalVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;

/**
 * {@code ./gws bench voice}: agents in a contact center of their own take simulated customer calls, each call
 * monitored by a coaching supervisor for the first {@code supervisors} agents. Every agent works the call
 * through Answer, Hold, Retrieve and Hangup at a paced rate; every supervisor answers its monitoring leg. The
 * latency of an operation runs from its POST to the CallStateChangeMessage it causes, received on CometD
 * through the edge, as a desktop sees it.
 */
public final class VoiceBenchmark {

    public record Options(int agents, int supervisors, int operationsPerSecond, int seconds, int warmupSeconds, boolean trace) {
    }

    private record Account(String id, String authorization, String deviceId, String phoneNumber) {
    }

    private final Options options;
    private final int edgePort;
    private final String adminUser;
    private final String adminPassword;
    private final Measurement measurement;
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** Set when the load starts; read by every client's pacing on the event loops. */
    private volatile RampUp rampUp;
    private BenchApi api;
    private String admin;

    public VoiceBenchmark(Options options, int edgePort, String adminUser, String adminPassword) {
        this.options = options;
        this.measurement = new Measurement(List.of("operations", "calls", "errors"), options.trace());
        this.edgePort = edgePort;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    public static Options options(List<String> arguments) {
        Map<String, Integer> values = BenchApi.integerOptions(arguments, Map.of("agents", 200, "supervisors", 50, "rate", 500,
                "seconds", 30, "warmup", 120, "trace", 0));
        if (values.get("supervisors") > values.get("agents")) {
            throw new IllegalArgumentException("--supervisors must not exceed --agents (each coaches one agent)");
        }
        return new Options(values.get("agents"), values.get("supervisors"), values.get("rate"), values.get("seconds"), values.get("warmup"),
                values.get("trace") != 0);
    }

    public String run() throws Exception {
        api = new BenchApi("http://localhost:" + edgePort);
        List<Account> agents = new ArrayList<>();
        List<Account> supervisors = new ArrayList<>();
        provision(agents, supervisors);
        Vertx vertx = LocalVertx.create();
        HttpClient http = BenchApi.desktops(vertx, 4 * (agents.size() + supervisors.size()));
        List<LongPollClient> clients = new ArrayList<>();
        try {
            long pauseNanos = TimeUnit.SECONDS.toNanos(1) * agents.size() / Math.max(1, options.operationsPerSecond());
            List<AgentCycle> cycles = new ArrayList<>();
            for (Account agent : agents) {
                AgentCycle cycle = new AgentCycle(vertx, http, agent, pauseNanos);
                cycles.add(cycle);
                clients.add(listen(vertx, http, agent, cycle));
            }
            for (Account supervisor : supervisors) {
                clients.add(listen(vertx, http, supervisor, new CoachAnswering(http, supervisor)));
            }
            for (int i = 0; i < supervisors.size(); i++) {
                api.post("/api/v2/me/devices/" + supervisors.get(i).deviceId, supervisors.get(i).authorization,
                        Map.of("operationName", "Coach", "targetDeviceUri", "http://localhost:" + edgePort + "/api/v2/devices/" + agents.get(i).deviceId));
            }
            List<CompletableFuture<Void>> loops = new ArrayList<>();
            rampUp = new RampUp(options.warmupSeconds());
            for (AgentCycle cycle : cycles) {
                loops.add(cycle.done);
                // Offsets over the whole cycle: at any time, as many agents at each step of theirs.
                long firstDue = rampUp.at((long) (Math.random() * STEPS.length * pauseNanos));
                BenchApi.at(vertx, firstDue, () -> cycle.send(firstDue));
            }
            Measurement.Window window = measurement.measure(options.warmupSeconds(), options.seconds());
            running.set(false);
            CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            return String.format(Locale.ROOT,
                    "bench voice: agents=%d supervisors=%d offered=%d ops/s calls=%d operations=%.0f/s %s errors=%d",
                    agents.size(), supervisors.size(), options.operationsPerSecond(), window.count("calls"), window.perSecond("operations"),
                    window.latencySummary(), window.count("errors"));
        } finally {
            running.set(false);
            LongPollClient.disconnectAll(clients);
            api.endSessions();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** Whoever waits for the states of its calls. */
    private interface CallListener {
        void onCall(String callId, String state);
    }

    private LongPollClient listen(Vertx vertx, HttpClient http, Account account, CallListener listener) throws Exception {
        LongPollClient client = new LongPollClient(vertx, http, "localhost", edgePort, account.authorization,
                reply -> callStates(reply, listener), () -> measurement.count("errors"));
        client.start("/v2/me/*").toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        return client;
    }

    /** The operation of each step of an agent's call and the state its POST waits for; step 0 is the customer's call. */
    private static final String[][] STEPS = {{null, "Ringing"}, {"Answer", "Established"}, {"Hold", "Held"}, {"Retrieve", "Established"},
            {"Hangup", "Released"}};

    private static String stepName(int step) {
        return step == 0 ? "CustomerCall" : STEPS[step][0];
    }

    /**
     * One agent's calls, on the benchmark's event loop (no thread per agent: the load generator shares the machine
     * with the system it measures). A customer calls the agent's own number; the agent answers, holds, retrieves and
     * hangs up. Each step waits for the CallStateChangeMessage its POST causes, and is due one pause after the
     * previous step was due, or at the first time of the agent's grid after that step's notification if it came
     * later ({@link RampUp#next}): the offered rate is the rate asked for, never a burst to catch up.
     */
    private final class AgentCycle implements CallListener {
        private final Vertx vertx;
        private final HttpClient http;
        private final Account agent;
        private final long pauseNanos;
        private final String customerCall;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        // Touched from the event loops of the agent's notifications and of its POSTs' answers, hence synchronized.
        private int step;
        private String callId;
        private long dueNanos;
        private long startNanos;
        private boolean awaiting;
        private long attempt;
        private long timeout;

        AgentCycle(Vertx vertx, HttpClient http, Account agent, long pauseNanos) {
            this.vertx = vertx;
            this.http = http;
            this.agent = agent;
            this.pauseNanos = pauseNanos;
            String customer = "+1555" + String.format(Locale.ROOT, "%07d", Math.abs(agent.id.hashCode()) % 10_000_000);
            this.customerCall = "{\"from\":\"" + customer + "\",\"to\":\"" + agent.phoneNumber + "\"}";
        }

        synchronized void send(long due) {
            if (!running.get()) {
                done.complete(null);
                return;
            }
            dueNanos = due;
            awaiting = true;
            long mine = ++attempt;
            timeout = vertx.setTimer(10_000, ignored -> failed(mine));
            startNanos = System.nanoTime();
            Future<String> posted = step == 0
                    ? BenchApi.postAsync(http, edgePort, "/api/v2/simulator/calls", admin, customerCall)
                    : BenchApi.postAsync(http, edgePort, "/api/v2/me/calls/" + callId, agent.authorization,
                            "{\"operationName\":\"" + STEPS[step][0] + "\"}");
            long started = startNanos;
            String kind = stepName(step);
            posted.onSuccess(answer -> measurement.answered(kind, started, System.nanoTime()));
            posted.onFailure(failure -> failed(mine));
        }

        @Override
        public synchronized void onCall(String id, String state) {
            if (!awaiting || !state.equals(STEPS[step][1]) || (step > 0 && !id.equals(callId))) {
                return;
            }
            awaiting = false;
            vertx.cancelTimer(timeout);
            measurement.latency(stepName(step), startNanos, System.nanoTime());
            measurement.count("operations");
            callId = step == 0 ? id : callId;
            step = (step + 1) % STEPS.length;
            if (step == 0) {
                callId = null;
                measurement.count("calls");
            }
            long next = rampUp.next(dueNanos, pauseNanos, System.nanoTime());
            BenchApi.at(vertx, next, () -> send(next));
        }

        /** A refused POST or a notification that did not come within 10 s: the agent starts over with a new call. */
        private synchronized void failed(long which) {
            if (which != attempt || !awaiting) {
                return;
            }
            awaiting = false;
            vertx.cancelTimer(timeout);
            measurement.count("errors");
            step = 0;
            callId = null;
            long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            BenchApi.at(vertx, next, () -> send(next));
        }
    }

    /** A coaching supervisor answers each monitoring call that rings; the latency runs to its Established. */
    private final class CoachAnswering implements CallListener {
        private final HttpClient http;
        private final Account supervisor;
        private final Map<String, Long> answering = new HashMap<>();

        CoachAnswering(HttpClient http, Account supervisor) {
            this.http = http;
            this.supervisor = supervisor;
        }

        @Override
        public synchronized void onCall(String id, String state) {
            if (state.equals("Ringing") && !answering.containsKey(id) && running.get()) {
                answering.put(id, System.nanoTime());
                BenchApi.postAsync(http, edgePort, "/api/v2/me/calls/" + id, supervisor.authorization, "{\"operationName\":\"Answer\"}")
                        .onFailure(failure -> measurement.count("errors"));
            } else if (state.equals("Established") || state.equals("Released")) {
                Long start = answering.remove(id);
                if (start != null && state.equals("Established")) {
                    measurement.latency("CoachAnswer", start, System.nanoTime());
                    measurement.count("operations");
                }
            }
        }
    }

    /** Each CallStateChangeMessage of a reply: the call's id and state, to {@code listener}. */
    private static void callStates(String reply, CallListener listener) {
        if (!reply.contains("CallStateChangeMessage")) {
            return;
        }
        try {
            for (JsonNode message : BenchApi.JSON.readTree(reply)) {
                JsonNode data = message.path("data");
                if ("CallStateChangeMessage".equals(data.path("messageType").asText())) {
                    listener.onCall(data.path("call").path("id").asText(), data.path("call").path("state").asText());
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
        List<java.util.concurrent.Future<Account>> created = new ArrayList<>();
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
        api.startSession(user.authorization(), "voice");
        return new Account(user.id(), user.authorization(), deviceId, phoneNumber);
    }

    private void readySoon(Account agent) throws Exception {
        eventually(() -> api.post("/api/v2/me/channels/voice", agent.authorization, Map.of("operationName", "Ready")));
    }

    private static <T> T eventually(BenchApi.Attempt<T> attempt) throws Exception {
        return BenchApi.eventually(attempt);
    }
}
