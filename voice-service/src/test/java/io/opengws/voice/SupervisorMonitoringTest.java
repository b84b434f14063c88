package io.opengws.voice;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.opengws.common.events.ContactCenterRecord;
import io.opengws.common.events.NotificationEvent;
import io.opengws.common.events.SessionEvent;
import io.opengws.common.events.Topics;
import io.opengws.local.testing.NotificationInbox;
import io.opengws.local.testing.TestDirectory;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Seeds 000/001 and reference 2.4–2.6 through the real broker and database: the supervisor's configuration,
 * its own ringing leg on each call the agent answers, what each party sees, transfer with both scopes,
 * NextCall, and the errors of reference 2.6.
 */
@QuarkusTest
class SupervisorMonitoringTest {

    private static final List<String> FEATURES = List.of("api-voice", "api-supervisor-monitoring", "api-simulator");
    private static NotificationInbox inbox;

    private record Person(String userId, String deviceId, String phoneNumber) {
    }

    private String center;
    private String admin;
    private int nextNumber;

    @BeforeAll
    static void openInbox() {
        inbox = new NotificationInbox(Topics.NOTIFICATIONS_VOICE);
    }

    @AfterAll
    static void closeInbox() throws InterruptedException {
        inbox.close();
    }

    @Test
    void coachFollowsTheSeedAndIsHeardByTheAgentOnly() {
        newContactCenter(FEATURES);
        Person agent = person("ROLE_AGENT");
        Person supervisor = person("ROLE_AGENT", "ROLE_SUPERVISOR");
        ready(agent);

        int configured = inbox.mark();
        operateDevice(supervisor, Map.of("operationName", "Coach", "targetDeviceUri", deviceUri(agent)));
        JsonNode device = monitoringState(supervisor, configured, "Coach");
        assertEquals("Coach", device.path("supervisorMonitoringState").path("state").asText());
        assertEquals("AllCalls", device.path("supervisorMonitoringState").path("mode").asText());
        assertEquals("Call", device.path("supervisorMonitoringState").path("scope").asText());
        assertEquals(deviceUri(agent), device.path("supervisorMonitoringState").path("targetDeviceUri").asText());
        assertEquals(List.of("ForwardCallsOn", "DoNotDisturbOn", "ListenIn", "Coach", "BargeIn", "CancelSupervisorMonitoring"),
                strings(device.path("capabilities")));

        for (int round = 1; round <= 2; round++) {
            int since = inbox.mark();
            String customerCall = simulatorCall("+1555000000" + round, "5000");
            Connected call = connect(agent, supervisor, since);
            assertEquals("Off", call.supervisorCall.path("mute").asText());
            assertEquals(true, call.supervisorCall.path("monitoring").asBoolean());

            JsonNode agentView = awaitCall(agent, since, "the coach among the agent's participants",
                    c -> c.path("supervisorListeningIn").asBoolean() && phones(c).contains(supervisor.phoneNumber));
            assertEquals("Inbound", agentView.path("callType").asText());
            JsonNode customerView = TestDirectory.as(admin).get("/api/v2/simulator/calls/" + customerCall).then().statusCode(200)
                    .extract().jsonPath().getObject("call", JsonNode.class);
            assertEquals(List.of(agent.phoneNumber), phones(customerView), "the customer never hears a coach");

            TestDirectory.as(supervisor.userId).body(Map.of("operationName", "SwitchToCoach"))
                    .post("/api/v2/me/calls/" + call.supervisorCallId).then().statusCode(400).body("statusCode", equalTo(2))
                    .body("statusMessage", containsString("in state Established"));

            int hangup = inbox.mark();
            TestDirectory.as(admin).body(Map.of("operationName", "Hangup")).post("/api/v2/simulator/calls/" + customerCall)
                    .then().statusCode(200).body("statusCode", equalTo(0));
            assertEquals("[]", awaitCall(agent, hangup, "Released", c -> c.path("state").asText().equals("Released")).path("capabilities").toString());
            assertEquals("[]", awaitCall(supervisor, hangup, "Released", c -> c.path("state").asText().equals("Released")).path("capabilities").toString());
        }
        assertFalse(inbox.of(supervisor.userId, configured).stream().anyMatch(SupervisorMonitoringTest::monitoringGone),
                "AllCalls coaching outlives each call");

        int cancelled = inbox.mark();
        operateDevice(supervisor, Map.of("operationName", "CancelSupervisorMonitoring"));
        JsonNode after = inbox.await(supervisor.userId, cancelled, "device without monitoring", SupervisorMonitoringTest::monitoringGone)
                .data().path("devices").path(0);
        assertFalse(strings(after.path("capabilities")).contains("CancelSupervisorMonitoring"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Agent", "Call"})
    void transferReleasesAnAgentScopedSupervisorAndACallScopedOneFollowsTheCall(String scope) {
        newContactCenter(FEATURES);
        Person agentA = person("ROLE_AGENT");
        Person agentB = person("ROLE_AGENT");
        Person supervisor = person("ROLE_AGENT", "ROLE_SUPERVISOR");
        ready(agentA);
        ready(agentB);
        int configured = inbox.mark();
        operateDevice(supervisor, Map.of("operationName", "Coach", "targetDeviceUri", deviceUri(agentA), "supervisorMonitoringScope", scope));
        monitoringState(supervisor, configured, "Coach");

        int since = inbox.mark();
        simulatorCall("+15550001111", agentA.phoneNumber);
        Connected call = connect(agentA, supervisor, since);

        int transfer = inbox.mark();
        callOperation(agentA, call.agentCallId, Map.of("operationName", "InitiateTransfer", "destination", Map.of("phoneNumber", agentB.phoneNumber)));
        String consultedCall = awaitCall(agentB, transfer, "Ringing consultation", c -> c.path("state").asText().equals("Ringing")).path("id").asText();
        callOperation(agentB, consultedCall, Map.of("operationName", "Answer"));
        awaitCall(agentA, transfer, "CompleteTransfer offered", c -> strings(c.path("capabilities")).contains("CompleteTransfer"));
        int completed = inbox.mark();
        callOperation(agentA, call.agentCallId, Map.of("operationName", "CompleteTransfer"));

        JsonNode transferred = awaitCall(agentB, completed, "the customer on the transferred call",
                c -> phones(c).contains("+15550001111"));
        if (scope.equals("Agent")) {
            awaitCall(supervisor, completed, "released with the agent", c -> c.path("state").asText().equals("Released"));
            assertFalse(phones(transferred).contains(supervisor.phoneNumber));
        } else {
            awaitCall(agentB, completed, "the coach now with agent B",
                    c -> c.path("supervisorListeningIn").asBoolean() && phones(c).contains(supervisor.phoneNumber));
            JsonNode followed = awaitCall(supervisor, completed, "the call with agent B", c -> phones(c).contains(agentB.phoneNumber));
            assertEquals("Established", followed.path("state").asText());
            assertFalse(phones(followed).contains(agentA.phoneNumber));
        }
    }

    @Test
    void listenInForTheNextCallIsSilentAndEndsWithTheCall() {
        newContactCenter(FEATURES);
        Person agent = person("ROLE_AGENT");
        Person supervisor = person("ROLE_AGENT", "ROLE_SUPERVISOR");
        ready(agent);
        int configured = inbox.mark();
        operateDevice(supervisor, Map.of("operationName", "ListenIn", "targetDeviceUri", deviceUri(agent), "supervisorMonitoringMode", "NextCall"));
        assertEquals("NextCall", monitoringState(supervisor, configured, "ListenIn").path("supervisorMonitoringState").path("mode").asText());

        int since = inbox.mark();
        simulatorCall("+15550002222", "5000");
        Connected call = connect(agent, supervisor, since);
        assertEquals("On", call.supervisorCall.path("mute").asText());
        assertEquals(List.of("Hangup", "SwitchToBargeIn"), strings(call.supervisorCall.path("capabilities")));
        JsonNode agentView = awaitCall(agent, since, "supervisorListeningIn", c -> c.path("supervisorListeningIn").asBoolean());
        assertFalse(phones(agentView).contains(supervisor.phoneNumber), "a listening supervisor is not a participant");

        int hangup = inbox.mark();
        callOperation(agent, call.agentCallId, Map.of("operationName", "Hangup"));
        inbox.await(supervisor.userId, hangup, "NextCall over", SupervisorMonitoringTest::monitoringGone);
    }

    /**
     * Decision 19 under a race: the agent answers two calls at the same instant, each in a transaction of its own (two
     * call locks), and both see the NextCall subscription unspent. The supervisor joins one of them, never both. Several
     * rounds, as the two answers do not always overlap.
     */
    @Test
    void aNextCallSubscriptionIsSpentOnOneCallWhenTheAgentAnswersTwoAtOnce() throws Exception {
        newContactCenter(FEATURES);
        ExecutorService answering = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                Person agent = person("ROLE_AGENT");
                Person supervisor = person("ROLE_AGENT", "ROLE_SUPERVISOR");
                int configured = inbox.mark();
                operateDevice(supervisor, Map.of("operationName", "ListenIn", "targetDeviceUri", deviceUri(agent),
                        "supervisorMonitoringMode", "NextCall"));
                monitoringState(supervisor, configured, "ListenIn");

                int since = inbox.mark();
                simulatorCall("+1555004" + round + "01", agent.phoneNumber);
                simulatorCall("+1555004" + round + "02", agent.phoneNumber);
                List<String> ringing = new ArrayList<>();
                Awaitility.await("two calls ringing on the agent's device").atMost(Duration.ofSeconds(20)).until(() -> {
                    ringing.clear();
                    ringing.addAll(callIds(agent, since, "Ringing"));
                    return ringing.size() == 2;
                });
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> answers = new ArrayList<>();
                for (String call : ringing) {
                    answers.add(answering.submit(() -> {
                        start.await();
                        callOperation(agent, call, Map.of("operationName", "Answer"));
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> answer : answers) {
                    answer.get(20, TimeUnit.SECONDS);
                }
                Awaitility.await("both calls established").atMost(Duration.ofSeconds(20))
                        .until(() -> callIds(agent, since, "Established").size() == 2);
                awaitCall(supervisor, since, "the monitoring call Ringing", c -> c.path("state").asText().equals("Ringing"));
                Thread.sleep(500); // the other answer's notifications, had it joined too, are out by now
                assertEquals(1, callIds(supervisor, since, "Ringing").size(), "round " + round + ": NextCall joins one call, not both");
            }
        } finally {
            answering.shutdownNow();
        }
    }

    /** The ids of the person's calls that were notified in {@code state} since the mark. */
    private static Set<String> callIds(Person person, int since, String state) {
        Set<String> ids = new HashSet<>();
        for (NotificationEvent event : inbox.of(person.userId, since)) {
            JsonNode call = event.data().path("call");
            if ("/v2/me/calls".equals(event.channel()) && state.equals(call.path("state").asText())) {
                ids.add(call.path("id").asText());
            }
        }
        return ids;
    }

    @Test
    void errorsOfReference26() {
        newContactCenter(FEATURES);
        Person agent = person("ROLE_AGENT");
        Person supervisor = person("ROLE_AGENT", "ROLE_SUPERVISOR");
        TestDirectory.as(agent.userId).body(Map.of("operationName", "Coach", "targetDeviceUri", deviceUri(supervisor)))
                .post("/api/v2/me/devices/" + agent.deviceId).then().statusCode(403).body("statusCode", equalTo(5));
        TestDirectory.as(supervisor.userId).body(Map.of("operationName", "Coach", "targetDeviceUri", "http://localhost:8080/api/v2/devices/nope"))
                .post("/api/v2/me/devices/" + supervisor.deviceId).then().statusCode(404).body("statusCode", equalTo(6));
        TestDirectory.as(supervisor.userId).body(Map.of("operationName", "Coach"))
                .post("/api/v2/me/devices/" + supervisor.deviceId).then().statusCode(400).body("statusCode", equalTo(1));
        TestDirectory.as(supervisor.userId).body(Map.of("operationName", "CancelSupervisorMonitoring"))
                .post("/api/v2/me/devices/" + supervisor.deviceId).then().statusCode(400).body("statusCode", equalTo(2));
        TestDirectory.as(supervisor.userId).body(Map.of("operationName", "Coach", "targetDeviceUri", deviceUri(agent),
                "supervisorMonitoringMode", "Sometimes")).post("/api/v2/me/devices/" + supervisor.deviceId).then()
                .statusCode(400).body("statusCode", equalTo(2));

        ready(agent);
        int since = inbox.mark();
        simulatorCall("+15550003333", "5000");
        String ringing = awaitCall(agent, since, "Ringing", c -> c.path("state").asText().equals("Ringing")).path("id").asText();
        callOperation(agent, ringing, Map.of("operationName", "Hold"), 400)
                .body("statusMessage", equalTo("Hold is not possible on call " + ringing + " in state Ringing; it needs one of the states [Established]."));
        callOperation(supervisor, ringing, Map.of("operationName", "Answer"), 404).body("statusCode", equalTo(6));

        newContactCenter(List.of("api-voice"));
        Person withoutFeature = person("ROLE_AGENT", "ROLE_SUPERVISOR");
        Person target = person("ROLE_AGENT");
        TestDirectory.as(withoutFeature.userId).body(Map.of("operationName", "Coach", "targetDeviceUri", deviceUri(target)))
                .post("/api/v2/me/devices/" + withoutFeature.deviceId).then().statusCode(404).body("statusCode", equalTo(6));
    }

    // ---- steps --------------------------------------------------------------------------------------

    private record Connected(String agentCallId, String supervisorCallId, JsonNode supervisorCall) {
    }

    /** The agent's phone rings, it answers; the supervisor's own leg rings with Answer, it answers. */
    private Connected connect(Person agent, Person supervisor, int since) {
        String agentCall = awaitCall(agent, since, "Ringing", c -> c.path("state").asText().equals("Ringing")).path("id").asText();
        callOperation(agent, agentCall, Map.of("operationName", "Answer"));
        JsonNode ringing = awaitCall(supervisor, since, "the monitoring call Ringing", c -> c.path("state").asText().equals("Ringing"));
        assertTrue(strings(ringing.path("capabilities")).contains("Answer"));
        String supervisorCall = ringing.path("id").asText();
        int answered = inbox.mark();
        callOperation(supervisor, supervisorCall, Map.of("operationName", "Answer"));
        JsonNode established = awaitCall(supervisor, answered, "the monitoring call Established",
                c -> c.path("id").asText().equals(supervisorCall) && c.path("state").asText().equals("Established"));
        return new Connected(agentCall, supervisorCall, established);
    }

    private void newContactCenter(List<String> features) {
        center = TestDirectory.id();
        TestDirectory.publish(Topics.DIRECTORY, ContactCenterRecord.key(center),
                new ContactCenterRecord(center, "cc-" + center, features, Map.of(), Instant.now()));
        admin = TestDirectory.user(center, "Test", "ROLE_ADMIN");
        nextNumber = 6001;
    }

    private Person person(String... roles) {
        String userId = TestDirectory.user(center, "Test", roles);
        String phoneNumber = String.valueOf(nextNumber++);
        String[] deviceId = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> deviceId[0] = TestDirectory.as(admin)
                .body(Map.of("phoneNumber", phoneNumber)).post("/api/v2/users/" + userId + "/devices")
                .then().statusCode(200).extract().path("id"));
        TestDirectory.publish(Topics.SESSIONS, userId, new SessionEvent.SessionStarted(UUID.randomUUID().toString(), userId, center,
                "S-" + userId, List.of("voice"), Instant.now()));
        return new Person(userId, deviceId[0], phoneNumber);
    }

    private static void ready(Person agent) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> TestDirectory.as(agent.userId)
                .body(Map.of("operationName", "Ready")).post("/api/v2/me/channels/voice").then().statusCode(200));
    }

    private String simulatorCall(String from, String to) {
        return TestDirectory.as(admin).body(Map.of("from", from, "to", to)).post("/api/v2/simulator/calls")
                .then().statusCode(200).body("statusCode", equalTo(0)).extract().path("id");
    }

    private static void operateDevice(Person person, Map<String, Object> body) {
        TestDirectory.as(person.userId).body(body).post("/api/v2/me/devices/" + person.deviceId)
                .then().statusCode(200).body("statusCode", equalTo(0));
    }

    private static void callOperation(Person person, String callId, Map<String, Object> body) {
        callOperation(person, callId, body, 200).body("statusCode", equalTo(0));
    }

    private static io.restassured.response.ValidatableResponse callOperation(Person person, String callId, Map<String, Object> body, int status) {
        return TestDirectory.as(person.userId).body(body).post("/api/v2/me/calls/" + callId).then().statusCode(status);
    }

    private static JsonNode monitoringState(Person supervisor, int since, String state) {
        NotificationEvent event = inbox.await(supervisor.userId, since, "supervisorMonitoringState " + state,
                e -> state.equals(e.data().path("devices").path(0).path("supervisorMonitoringState").path("state").asText()));
        assertEquals("/v2/me/devices", event.channel());
        return event.data().path("devices").path(0);
    }

    private static boolean monitoringGone(NotificationEvent event) {
        return "DeviceStateChangeMessage".equals(event.data().path("messageType").asText())
                && !event.data().path("devices").path(0).has("supervisorMonitoringState");
    }

    private static JsonNode awaitCall(Person person, int since, String description, java.util.function.Predicate<JsonNode> match) {
        return inbox.await(person.userId, since, description, event -> "/v2/me/calls".equals(event.channel())
                && "CallStateChangeMessage".equals(event.data().path("messageType").asText()) && match.test(event.data().path("call")))
                .data().path("call");
    }

    private static String deviceUri(Person person) {
        return "http://localhost:8080/api/v2/devices/" + person.deviceId;
    }

    private static List<String> phones(JsonNode call) {
        List<String> phones = new ArrayList<>();
        call.path("participants").forEach(participant -> phones.add(participant.path("phoneNumber").asText()));
        return phones;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
