package io.opengws.voice;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opengws.local.testing.TestDirectory;
import io.opengws.voice.telephony.RoutingPasses;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Changes to different calls of one contact center run side by side (each call locked on its own, routing one
 * at a time): through the real database, many requests at once still give every queued call to exactly one agent,
 * and every agent's operation takes effect. An agent who becomes free is offered what waits by the routing pass
 * after its change, or by the sweep when no pass followed.
 */
@QuarkusTest
class ConcurrentCallsTest {

    private static final int AGENTS = 8;

    @Inject
    EntityManager entityManager;

    @Inject
    RoutingPasses routing;

    private final ExecutorService requests = Executors.newFixedThreadPool(AGENTS);
    private String center;
    private String admin;

    private record Agent(String userId, String phoneNumber) {
    }

    @AfterEach
    void stop() {
        requests.shutdownNow();
    }

    @Test
    void callsArrivingAtOnceAtTheRoutingPointEachGoToADifferentAgent() throws Exception {
        List<Agent> agents = agents();
        for (Agent agent : agents) {
            TestDirectory.as(agent.userId).body(Map.of("operationName", "Ready")).post("/api/v2/me/channels/voice")
                    .then().statusCode(200).body("statusCode", equalTo(0));
        }
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            customers.add("+1555100000" + i);
        }

        // Each new call is routed in its own transaction, all at once: each must see whom the others took.
        all(customers.stream().map(customer -> (Callable<Void>) () -> {
            simulatorCall(customer, "5000");
            return null;
        }).toList());

        assertEquals(new HashSet<>(customers), customersRingingOnePerAgent(agents), "each waiting call went to exactly one agent");
    }

    @Test
    void waitingCallsGoToAgentsBecomingReadyAtOnceOneEach() throws Exception {
        List<Agent> agents = agents();
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            customers.add("+1555300000" + i);
            simulatorCall(customers.get(i), "5000");
        }

        // Each Ready commits without routing; the routing passes that follow must give each agent one call.
        all(agents.stream().map(agent -> (Callable<Void>) () -> {
            TestDirectory.as(agent.userId).body(Map.of("operationName", "Ready")).post("/api/v2/me/channels/voice")
                    .then().statusCode(200).body("statusCode", equalTo(0));
            return null;
        }).toList());

        assertEquals(new HashSet<>(customers), customersRingingOnePerAgent(agents), "each waiting call went to exactly one agent");
    }

    @Test
    void anAgentWhoHangsUpIsOfferedTheNextWaitingCall() {
        Agent agent = agents().get(0);
        TestDirectory.as(agent.userId).body(Map.of("operationName", "Ready")).post("/api/v2/me/channels/voice").then().statusCode(200);
        simulatorCall("+15554000001", "5000");
        String first = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> callsOf(agent), found -> !found.isEmpty())
                .get(0).get("id").toString();
        simulatorCall("+15554000002", "5000");
        TestDirectory.as(agent.userId).body(Map.of("operationName", "Answer")).post("/api/v2/me/calls/" + first).then().statusCode(200);
        assertEquals("+15554000001", customerOf(callsOf(agent).get(0)), "the second call waits while the agent is on the first");

        TestDirectory.as(agent.userId).body(Map.of("operationName", "Hangup")).post("/api/v2/me/calls/" + first).then().statusCode(200);

        Map<String, Object> next = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> callsOf(agent), found -> found.size() == 1 && !found.get(0).get("id").equals(first)).get(0);
        assertEquals("+15554000002", customerOf(next));
        assertEquals("Ringing", next.get("state"));
    }

    @Test
    void theSweepOffersACallThatNoRoutingPassFollowed() {
        Agent agent = agents().get(0);
        simulatorCall("+15555000001", "5000");
        // As after a crash between a commit and its routing pass: the agent is Ready, and no pass follows.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE device SET user_state = 'Ready', idle_since = now() WHERE phone_number = :number AND contact_center_id = :cc")
                .setParameter("number", agent.phoneNumber).setParameter("cc", center).executeUpdate());
        assertEquals(List.of(), callsOf(agent), "nothing routes the call until the sweep");

        routing.sweep();

        Map<String, Object> offered = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> callsOf(agent), found -> !found.isEmpty()).get(0);
        assertEquals("+15555000001", customerOf(offered));
    }

    @Test
    void operationsOnManyCallsAtOnceAllTakeEffect() throws Exception {
        List<Agent> agents = agents();
        List<String> callIds = new ArrayList<>();
        for (Agent agent : agents) {
            simulatorCall("+1555200000" + callIds.size(), agent.phoneNumber);
            callIds.add(Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> callsOf(agent), found -> !found.isEmpty())
                    .get(0).get("id").toString());
        }

        for (String operation : List.of("Answer", "Hold", "Retrieve", "Hold")) {
            List<Callable<Void>> steps = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                Agent agent = agents.get(i);
                String callId = callIds.get(i);
                steps.add(() -> {
                    TestDirectory.as(agent.userId).body(Map.of("operationName", operation)).post("/api/v2/me/calls/" + callId)
                            .then().statusCode(200).body("statusCode", equalTo(0));
                    return null;
                });
            }
            all(steps);
        }

        for (Agent agent : agents) {
            List<Map<String, Object>> calls = callsOf(agent);
            assertEquals(1, calls.size());
            assertEquals("Held", calls.get(0).get("state"), "the call of " + agent.phoneNumber);
        }
    }

    /** Agents with a device and a voice session, NotReady. */
    private List<Agent> agents() {
        center = TestDirectory.contactCenter(List.of("api-voice", "api-simulator"));
        admin = TestDirectory.user(center, "Admin", "ROLE_ADMIN");
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            String userId = TestDirectory.user(center, "Agent", "ROLE_AGENT");
            String phoneNumber = String.valueOf(7100 + i);
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> TestDirectory.as(admin)
                    .body(Map.of("phoneNumber", phoneNumber)).post("/api/v2/users/" + userId + "/devices").then().statusCode(200));
            TestDirectory.sessionStarted(userId, center, "voice");
            agents.add(new Agent(userId, phoneNumber));
        }
        for (Agent agent : agents) {
            // Active once the session reached the service: NotReady is accepted.
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> TestDirectory.as(agent.userId)
                    .body(Map.of("operationName", "NotReady")).post("/api/v2/me/channels/voice").then().statusCode(200));
        }
        return agents;
    }

    /** Waits for each agent's call: exactly one, ringing. The customers whose calls they are. */
    private static Set<String> customersRingingOnePerAgent(List<Agent> agents) {
        Set<String> offered = new HashSet<>();
        for (Agent agent : agents) {
            List<Map<String, Object>> calls = Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> callsOf(agent), found -> !found.isEmpty());
            assertEquals(1, calls.size(), "calls offered to " + agent.phoneNumber + ", from " + calls.stream().map(call -> call.get("ani")).toList());
            assertEquals("Ringing", calls.get(0).get("state"));
            offered.add(customerOf(calls.get(0)));
        }
        return offered;
    }

    private void simulatorCall(String from, String to) {
        TestDirectory.as(admin).body(Map.of("from", from, "to", to)).post("/api/v2/simulator/calls")
                .then().statusCode(200).body("statusCode", equalTo(0));
    }

    private static List<Map<String, Object>> callsOf(Agent agent) {
        JsonPath answer = TestDirectory.as(agent.userId).get("/api/v2/me/calls").then().statusCode(200).extract().jsonPath();
        return answer.getList("calls");
    }

    @SuppressWarnings("unchecked")
    private static String customerOf(Map<String, Object> call) {
        List<Map<String, Object>> participants = (List<Map<String, Object>>) call.get("participants");
        return participants.stream().map(participant -> String.valueOf(participant.get("phoneNumber")))
                .filter(number -> number.startsWith("+1555")).findFirst().orElseThrow();
    }

    /** Starts every request at the same moment and waits for all; a failed one fails the test. */
    private void all(List<Callable<Void>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Void>> running = new ArrayList<>();
        for (Callable<Void> task : tasks) {
            running.add(requests.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        for (Future<Void> done : running) {
            done.get(30, TimeUnit.SECONDS);
        }
    }
}
