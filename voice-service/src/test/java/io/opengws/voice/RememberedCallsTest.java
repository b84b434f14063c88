package io.opengws.voice;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.opengws.local.testing.TestDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * An operation that changes only its own call (Hold, Retrieve, mute, user data) starts from the call as the service last
 * wrote it and is written over that version in one statement. These tests change the row behind the service's back,
 * as another replica would, and run writers side by side: nothing another writer did is ever lost.
 */
@QuarkusTest
class RememberedCallsTest {

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    private final ExecutorService requests = Executors.newFixedThreadPool(10);
    private String center;
    private String admin;
    private String agent;
    private String legId;
    private String callId;

    @BeforeEach
    void answeredCall() {
        center = TestDirectory.contactCenter(List.of("api-voice", "api-simulator"));
        admin = TestDirectory.user(center, "Admin", "ROLE_ADMIN");
        agent = TestDirectory.user(center, "Agent", "ROLE_AGENT");
        legId = answeredCallOf(agent, "7300");
        callId = callOf(legId);
    }

    /** The agent gets a device with the phone number, and answers a call to it; answers the agent's leg. */
    private String answeredCallOf(String user, String phoneNumber) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> TestDirectory.as(admin)
                .body(Map.of("phoneNumber", phoneNumber)).post("/api/v2/users/" + user + "/devices").then().statusCode(200));
        TestDirectory.sessionStarted(user, center, "voice");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> TestDirectory.as(user)
                .body(Map.of("operationName", "NotReady")).post("/api/v2/me/channels/voice").then().statusCode(200));
        TestDirectory.as(admin).body(Map.of("from", "+15553000000", "to", phoneNumber)).post("/api/v2/simulator/calls")
                .then().statusCode(200).body("statusCode", equalTo(0));
        String leg = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> callsOf(user), found -> !found.isEmpty()).get(0).get("id")
                .toString();
        operate(user, leg, "Answer");
        return leg;
    }

    private String callOf(String leg) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT call_id FROM voice_leg WHERE id = ?1").setParameter(1, leg).getSingleResult());
    }

    @AfterEach
    void stop() {
        requests.shutdownNow();
    }

    @Test
    void aChangeMadeElsewhereIsKeptByTheNextOperation() {
        operate("Hold");
        long before = version();
        // Another replica attaches user data: the row moves on, this service's copy does not.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                UPDATE voice_call SET body = jsonb_set(body::jsonb, '{userData,fromElsewhere}', '"kept"')::text, version = version + 1
                WHERE id = ?1""").setParameter(1, callId).executeUpdate());

        operate("Retrieve");

        Map<String, Object> call = call();
        assertEquals("Established", call.get("state"));
        assertEquals("kept", userData(call).get("fromElsewhere"), "the other replica's user data");
        assertEquals(before + 2, version(), "the other write and the Retrieve, once");
        assertEquals("Established", legState());
    }

    @Test
    void eachOperationIsOneWriteOfTheCallAndItsLeg() {
        long before = version();
        operate("Hold");
        assertEquals(before + 1, version());
        assertEquals("Held", legState());
        assertEquals("Held", call().get("state"));
        operate("Retrieve");
        assertEquals(before + 2, version());
        assertEquals("Established", legState());
    }

    @Test
    void writersAtTheSameTimeLoseNothing() throws Exception {
        operate("Hold");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String key = "key" + i;
            writers.add(requests.submit(() -> {
                start.await();
                TestDirectory.as(agent).body(Map.of("operationName", "AttachUserData", "userData", Map.of(key, "value")))
                        .post("/api/v2/me/calls/" + legId).then().statusCode(200).body("statusCode", equalTo(0));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writers) {
            writer.get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> userData = userData(call());
        for (int i = 0; i < 10; i++) {
            assertTrue(userData.containsKey("key" + i), "key" + i + " in " + userData);
        }
        assertEquals("Held", call().get("state"));
    }

    @Test
    void operationsOnSeveralCallsAtOnceAreWrittenTogetherEachOverItsOwnVersion() throws Exception {
        String second = TestDirectory.user(center, "Second", "ROLE_AGENT");
        String third = TestDirectory.user(center, "Third", "ROLE_AGENT");
        List<String> legs = List.of(legId, answeredCallOf(second, "7301"), answeredCallOf(third, "7302"));
        List<String> agents = List.of(agent, second, third);
        List<String> calls = legs.stream().map(this::callOf).toList();
        List<Long> before = calls.stream().map(this::version).toList();

        List<Future<?>> operations = new ArrayList<>();
        try (Connection holder = dataSource.getConnection()) {
            // The first Hold's batch waits on this lock, so that the other operations meet in the next batch: the Holds of
            // the other calls are written there, and the user data, found at the version the first Hold moves on, is
            // refused there and done again alone.
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM voice_call WHERE id = ? FOR UPDATE")) {
                lock.setString(1, calls.get(0));
                lock.executeQuery().close();
            }
            operations.add(requests.submit(() -> operate(agent, legId, "Hold")));
            Thread.sleep(300);
            for (int i = 1; i < 3; i++) {
                String user = agents.get(i);
                String leg = legs.get(i);
                operations.add(requests.submit(() -> operate(user, leg, "Hold")));
            }
            operations.add(requests.submit(() -> TestDirectory.as(agent).body(Map.of("operationName", "AttachUserData", "userData",
                    Map.of("during", "the batch"))).post("/api/v2/me/calls/" + legId).then().statusCode(200).body("statusCode", equalTo(0))));
            Thread.sleep(300);
            holder.commit();
        }
        for (Future<?> operation : operations) {
            operation.get(30, TimeUnit.SECONDS);
        }

        assertEquals(List.of(before.get(0) + 2, before.get(1) + 1, before.get(2) + 1), calls.stream().map(this::version).toList(),
                "one write an operation");
        assertEquals(List.of("Held", "Held", "Held"), legs.stream().map(this::legState).toList());
        assertEquals("the batch", userData(call()).get("during"));
    }

    @Test
    void aHangupMakesTheAgentIdleFromThenAndForgetsTheCall() {
        java.time.Instant before = java.time.Instant.now().minusMillis(5);
        operate("Hangup");
        java.time.Instant idleSince = QuarkusTransaction.requiringNew().call(() -> (java.time.Instant) entityManager
                .createNativeQuery("SELECT idle_since FROM device WHERE user_id = ?1").setParameter(1, agent).getSingleResult());
        assertTrue(!idleSince.isBefore(before), "idle since " + idleSince + ", hung up after " + before);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM voice_call WHERE id = ?1").setParameter(1, callId).getSingleResult()).longValue()));
        // The leg is gone: an operation on it is refused from the row, not from a copy.
        TestDirectory.as(agent).body(Map.of("operationName", "Hold")).post("/api/v2/me/calls/" + legId).then().statusCode(404);
    }

    private void operate(String operationName) {
        operate(agent, legId, operationName);
    }

    private static void operate(String user, String leg, String operationName) {
        TestDirectory.as(user).body(Map.of("operationName", operationName)).post("/api/v2/me/calls/" + leg)
                .then().statusCode(200).body("statusCode", equalTo(0));
    }

    private static List<Map<String, Object>> callsOf(String user) {
        return TestDirectory.as(user).get("/api/v2/me/calls").then().statusCode(200).extract().jsonPath().getList("calls");
    }

    private Map<String, Object> call() {
        return TestDirectory.as(agent).get("/api/v2/me/calls/" + legId).then().statusCode(200).extract().jsonPath().getMap("call");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> userData(Map<String, Object> call) {
        return (Map<String, Object>) call.get("userData");
    }

    private long version() {
        return version(callId);
    }

    private long version(String call) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT version FROM voice_call WHERE id = ?1").setParameter(1, call).getSingleResult()).longValue());
    }

    private String legState() {
        return legState(legId);
    }

    private String legState(String leg) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT state FROM voice_leg WHERE id = ?1").setParameter(1, leg).getSingleResult());
    }
}
