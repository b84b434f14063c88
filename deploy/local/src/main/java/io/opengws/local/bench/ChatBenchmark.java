package io.opengws.local.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import io.opengws.local.LocalVertx;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;

/**
 * {@code ./gws bench chat}: customers open chats (the Customer Chat API) in a contact center of the benchmark's
 * own; agents (three chats each) accept them, watched by supervisors in mixed modes (Monitor, Coach, BargeIn; each
 * supervisor monitors its share of the agents, all chats). Then every chat's agent writes at a paced rate. The
 * latency of a message runs from its SendMessage POST to its MessageLogUpdated at each recipient (the agent and
 * the chat's supervisors), received on CometD through the edge, as their desktops see it.
 */
public final class ChatBenchmark {

    public record Options(int chats, int supervisors, int messagesPerSecond, int seconds, int warmupSeconds, boolean trace) {
    }

    private static final int CAPACITY = 3;
    private static final String[] MODES = {"Monitor", "Coach", "BargeIn"};

    /** A message on its way: when it was sent, and how many recipients have not received it yet. */
    private record Sent(long startNanos, AtomicInteger waitingFor) {
    }

    private final Options options;
    private final int edgePort;
    private final String adminUser;
    private final String adminPassword;
    private final Measurement measurement;
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** Set when the load starts; read by every client's pacing on the event loops. */
    private volatile RampUp rampUp;
    private final Map<String, Sent> inFlight = new ConcurrentHashMap<>();
    /** Per agent: the chats offered to it, then accepted (id → number of supervisors that will receive its messages). */
    private final Map<String, List<String>> chatsOf = new ConcurrentHashMap<>();
    private final Map<String, Integer> supervisorsOfAgent = new ConcurrentHashMap<>();
    private BenchApi api;

    public ChatBenchmark(Options options, int edgePort, String adminUser, String adminPassword) {
        this.options = options;
        this.measurement = new Measurement(List.of("messages", "deliveries", "errors"), options.trace());
        this.edgePort = edgePort;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    public static Options options(List<String> arguments) {
        Map<String, Integer> values = BenchApi.integerOptions(arguments, Map.of("chats", 300, "supervisors", 30, "rate", 1000,
                "seconds", 30, "warmup", 120, "trace", 0));
        return new Options(values.get("chats"), values.get("supervisors"), values.get("rate"), values.get("seconds"), values.get("warmup"),
                values.get("trace") != 0);
    }

    public String run() throws Exception {
        api = new BenchApi("http://localhost:" + edgePort);
        BenchApi.ContactCenter center = api.contactCenter(BenchApi.basic(adminUser, adminPassword), "chat",
                List.of("api-multimedia", "api-supervisor-monitoring", "api-provisioning-read", "api-provisioning-write"),
                // Offers wait for the whole set-up to be accepted: 300 chats are offered, then accepted one by one.
                Map.of("chat.capacity", String.valueOf(CAPACITY), "chat.offer-timeout-seconds", "600"));
        int agentCount = (options.chats() + CAPACITY - 1) / CAPACITY;
        List<BenchApi.User> agents = users(center, "agent", agentCount, false);
        List<BenchApi.User> supervisors = users(center, "supervisor", options.supervisors(), true);
        Vertx vertx = LocalVertx.create();
        HttpClient http = BenchApi.desktops(vertx, 4 * (agents.size() + supervisors.size()));
        List<LongPollClient> clients = new ArrayList<>();
        try {
            CountDownLatch offered = new CountDownLatch(options.chats());
            for (BenchApi.User agent : agents) {
                chatsOf.put(agent.id(), new java.util.concurrent.CopyOnWriteArrayList<>());
                clients.add(connect(vertx, http, agent, reply -> onReply(reply, agent.id(), offered)));
            }
            for (BenchApi.User supervisor : supervisors) {
                clients.add(connect(vertx, http, supervisor, reply -> onReply(reply, null, null)));
            }
            for (int i = 0; i < agents.size() && !supervisors.isEmpty(); i++) {
                BenchApi.User supervisor = supervisors.get(i % supervisors.size());
                String mode = MODES[(i % supervisors.size()) % MODES.length];
                BenchApi.User agent = agents.get(i);
                api.post("/api/v2/users/" + agent.id() + "/channels/chat", supervisor.authorization(),
                        Map.of("operationName", mode, "supervisorMonitoringMode", "AllChats"));
                supervisorsOfAgent.merge(agent.id(), 1, Integer::sum);
            }
            for (BenchApi.User agent : agents) {
                BenchApi.eventually(() -> api.post("/api/v2/me/channels/chat", agent.authorization(), Map.of("operationName", "Ready")));
            }
            for (int i = 0; i < options.chats(); i++) {
                api.post("/api/v2/chats", Map.of("ContactCenterId", center.id()), Map.of("operationName", "RequestChat", "nickname", "customer-" + i));
            }
            if (!offered.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + (options.chats() - offered.getCount()) + " of " + options.chats() + " chats were offered");
            }
            long pauseNanos = TimeUnit.SECONDS.toNanos(1) * options.chats() / Math.max(1, options.messagesPerSecond());
            // Every chat is accepted before any writes: the load starts at once, ramping up from a tenth.
            for (BenchApi.User agent : agents) {
                for (String chatId : chatsOf.get(agent.id())) {
                    api.post("/api/v2/me/chats/" + chatId, agent.authorization(), Map.of("operationName", "Accept", "nickname", "agent"));
                }
            }
            List<CompletableFuture<Void>> loops = new ArrayList<>();
            rampUp = new RampUp(options.warmupSeconds());
            for (BenchApi.User agent : agents) {
                for (String chatId : chatsOf.get(agent.id())) {
                    CompletableFuture<Void> loop = new CompletableFuture<>();
                    loops.add(loop);
                    long firstDue = rampUp.at((long) (Math.random() * pauseNanos));
                    BenchApi.at(vertx, firstDue, () -> chatLoop(vertx, http, agent, chatId, firstDue, pauseNanos, loop));
                }
            }
            Measurement.Window window = measurement.measure(options.warmupSeconds(), options.seconds());
            running.set(false);
            CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            return String.format(Locale.ROOT,
                    "bench chat: chats=%d agents=%d supervisors=%d offered=%d msgs/s messages=%.0f/s deliveries=%.0f/s %s errors=%d",
                    options.chats(), agents.size(), supervisors.size(), options.messagesPerSecond(), window.perSecond("messages"),
                    window.perSecond("deliveries"), window.latencySummary(), window.count("errors"));
        } finally {
            running.set(false);
            LongPollClient.disconnectAll(clients);
            api.endSessions();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The agent writes in its chat at a fixed rate: this message is due at {@code dueNanos}, the next one a pause
     * later, or at the first time of the chat's grid after the answer to this one if that comes later
     * ({@link RampUp#next}: a chat never has two messages in flight, nor sends two at once to catch up). So the offered rate is the rate asked for, not that rate slowed by the
     * answers' latency. On the benchmark's event loop, not a thread per chat: the load generator shares the machine
     * with the system it measures. Each message is awaited by the agent and the chat's supervisors.
     */
    private void chatLoop(Vertx vertx, HttpClient http, BenchApi.User agent, String chatId, long dueNanos, long pauseNanos,
            CompletableFuture<Void> done) {
        if (!running.get()) {
            done.complete(null);
            return;
        }
        int recipients = 1 + supervisorsOfAgent.getOrDefault(agent.id(), 0);
        String text = "m-" + UUID.randomUUID();
        long sentNanos = System.nanoTime();
        inFlight.put(text, new Sent(sentNanos, new AtomicInteger(recipients)));
        BenchApi.postAsync(http, edgePort, "/api/v2/me/chats/" + chatId, agent.authorization(),
                "{\"operationName\":\"SendMessage\",\"text\":\"" + text + "\"}")
                .onComplete(answer -> {
                    if (answer.succeeded()) {
                        measurement.answered("SendMessage", sentNanos, System.nanoTime());
                        measurement.count("messages");
                    } else {
                        inFlight.remove(text);
                        measurement.count("errors");
                    }
                    long nextDue = rampUp.next(dueNanos, pauseNanos, System.nanoTime());
                    BenchApi.at(vertx, nextDue, () -> chatLoop(vertx, http, agent, chatId, nextDue, pauseNanos, done));
                });
    }

    private LongPollClient connect(Vertx vertx, HttpClient http, BenchApi.User user, java.util.function.Consumer<String> onReply) throws Exception {
        api.startSession(user.authorization(), "chat");
        LongPollClient client = new LongPollClient(vertx, http, "localhost", edgePort, user.authorization(), onReply, () -> measurement.count("errors"));
        client.start("/v2/me/*").toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        return client;
    }

    /**
     * Offers (for an agent) and the texts of MessageLogUpdated: each is one delivery of a message in flight. The
     * texts are found by a scan, not a JSON parse: thousands of replies a second, on the load generator's own CPU.
     */
    private void onReply(String reply, String agentId, CountDownLatch offered) {
        long now = System.nanoTime();
        if (agentId != null && reply.contains("\"Invited\"")) {
            collectOffers(reply, agentId, offered);
        }
        for (String text : sentTexts(reply)) {
            Sent sent = inFlight.get(text);
            if (sent != null) {
                measurement.latency(agentId != null ? "to the agent" : "to a supervisor", sent.startNanos(), now);
                measurement.count("deliveries");
                if (sent.waitingFor().decrementAndGet() == 0) {
                    inFlight.remove(text);
                }
            }
        }
    }

    private static final String TEXT = "\"text\":\"m-";

    /** The benchmark's own message texts ({@code m-<uuid>}) in a reply, in order. */
    static List<String> sentTexts(String reply) {
        List<String> texts = new ArrayList<>();
        for (int at = reply.indexOf(TEXT); at >= 0; at = reply.indexOf(TEXT, at + TEXT.length())) {
            int start = at + TEXT.length() - 2;
            int end = reply.indexOf('"', start);
            if (end > start) {
                texts.add(reply.substring(start, end));
            }
        }
        return texts;
    }

    private void collectOffers(String reply, String agentId, CountDownLatch offered) {
        try {
            for (JsonNode message : BenchApi.JSON.readTree(reply)) {
                JsonNode data = message.path("data");
                if ("StatusChange".equals(data.path("notificationType").asText()) && "Invited".equals(data.path("chat").path("state").asText())) {
                    chatsOf.get(agentId).add(data.path("chat").path("id").asText());
                    offered.countDown();
                }
            }
        } catch (java.io.IOException ignored) {
            // Not JSON: the connect loop reports transport errors itself.
        }
    }

    private List<BenchApi.User> users(BenchApi.ContactCenter center, String kind, int count, boolean supervisor) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<BenchApi.User>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = kind + "-" + i;
                created.add(pool.submit(() -> api.user(center, name, supervisor)));
            }
            List<BenchApi.User> users = new ArrayList<>();
            for (Future<BenchApi.User> user : created) {
                users.add(user.get(5, TimeUnit.MINUTES));
            }
            return users;
        } finally {
            pool.shutdown();
        }
    }
}
