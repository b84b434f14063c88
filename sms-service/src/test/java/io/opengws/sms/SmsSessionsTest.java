package io.opengws.sms;

import static io.opengws.sms.SmsContactCenter.as;
import static io.opengws.sms.SmsContactCenter.userUri;
import static io.opengws.sms.SmsSteps.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * SMS sessions beyond seed 002's sentences, through the real broker and database: NextChat, a transfer, how texts
 * from a phone map onto sessions, and the simulator's rules (CONTRACT section 4).
 */
@QuarkusTest
class SmsSessionsTest {

    private final SmsInbox inbox = SmsInbox.shared();

    @Test
    void nextChatCoachesOnlyTheNextSessionAndEndsWhenItCompletes() {
        SmsContactCenter center = SmsContactCenter.create();
        String agent = center.readyAgent("Alice");
        String supervisor = center.supervisor("Sam");
        coach(supervisor, agent, Map.of("supervisorMonitoringMode", "NextChat"));
        String first = acceptedWithSupervisor(center, agent, supervisor, "+15550200001", "First");

        int completed = inbox.mark();
        operate(agent, first, Map.of("operationName", "Complete"));
        inbox.awaitSession(supervisor, completed, first, "Revoked", s -> s.path("state").asText().equals("Revoked"));
        // CONTRACT decisions 9 and 19: the subscription is gone from the supervisor's channel state.
        monitoringStates(supervisor, completed, states -> states.isEmpty());

        String second = center.text("+15550200002", "Second");
        operate(agent, second, Map.of("operationName", "Accept"));
        // The supervisor would have joined within the Accept's own change: by now it would be in.
        JsonNode agentView = as(agent).get("/api/v2/me/smssessions/" + second).then().statusCode(200).extract().jsonPath()
                .getObject("smssession", JsonNode.class);
        assertEquals(2, agentView.path("participants").size(), "the agent and the customer only: " + agentView);
        assertEquals(List.of(), sessionIdsOf(supervisor));
        monitor(supervisor, agent, Map.of("operationName", "CancelSupervisorMonitoring")).statusCode(400).body("statusCode", equalTo(2));
    }

    @Test
    void allChatsIsTheDefaultAndOutlivesEachSessionUntilCancelled() {
        SmsContactCenter center = SmsContactCenter.create();
        String agent = center.readyAgent("Alice");
        String supervisor = center.supervisor("Sam");
        int configured = inbox.mark();
        coach(supervisor, agent, Map.of());
        assertEquals("AllChats", monitoringStates(supervisor, configured, states -> states.size() == 1).path(0).path("mode").asText());

        for (String phone : List.of("+15550200003", "+15550200004")) {
            String session = acceptedWithSupervisor(center, agent, supervisor, phone, "Hello");
            int completed = inbox.mark();
            operate(agent, session, Map.of("operationName", "Complete"));
            inbox.awaitSession(supervisor, completed, session, "Revoked", s -> s.path("state").asText().equals("Revoked"));
        }

        int cancelled = inbox.mark();
        monitor(supervisor, agent, Map.of("operationName", "CancelSupervisorMonitoring")).statusCode(200).body("statusCode", equalTo(0));
        monitoringStates(supervisor, cancelled, states -> states.isEmpty());
        String after = center.text("+15550200005", "After the cancel");
        operate(agent, after, Map.of("operationName", "Accept"));
        assertEquals(List.of(), sessionIdsOf(supervisor));
    }

    /** A transfer leaves no agent in the session until the target accepts: as when queued, the supervisor is revoked. */
    @Test
    void aTransferToAnotherAgentLeavesNoAgentRemainingSoTheSupervisorIsRevoked() {
        SmsContactCenter center = SmsContactCenter.create();
        String agent = center.readyAgent("Alice");
        String colleague = center.user("Bob", "ROLE_AGENT");
        String supervisor = center.supervisor("Sam");
        coach(supervisor, agent, Map.of());
        String session = acceptedWithSupervisor(center, agent, supervisor, "+15550200006", "Help");

        int transferred = inbox.mark();
        operate(agent, session, Map.of("operationName", "Transfer", "targetUri", userUri(colleague)));
        inbox.awaitSession(supervisor, transferred, session, "Revoked", s -> s.path("state").asText().equals("Revoked"));
        inbox.awaitSession(colleague, transferred, session, "Invited", s -> s.path("state").asText().equals("Invited"));
        int accepted = inbox.mark();
        operate(colleague, session, Map.of("operationName", "Accept"));
        JsonNode bobs = inbox.awaitSession(colleague, accepted, session, "Chatting", s -> s.path("state").asText().equals("Chatting"));
        assertFalse(nicknames(bobs).contains(supervisor + "@sms.test"), "Sam monitors Alice, not Bob: " + bobs);
    }

    @Test
    void aSecondSmsFromTheSamePhoneContinuesTheSameSession() {
        SmsContactCenter center = SmsContactCenter.create();
        String agent = center.readyAgent("Alice");
        String phone = "+15550200007";
        String session = center.text(phone, "My parcel is late");
        // The customer may text again before an agent has accepted, and after.
        assertEquals(session, center.text(phone, "Order 4711"));
        int accepted = inbox.mark();
        operate(agent, session, Map.of("operationName", "Accept"));
        JsonNode history = inbox.awaitMessage(agent, accepted, session, "the history", m -> m.path("text").asText().equals("Order 4711"));
        assertEquals(List.of("My parcel is late", "Order 4711"), texts(history));

        int later = inbox.mark();
        assertEquals(session, center.text(phone, "Any news?"));
        JsonNode news = inbox.awaitMessage(agent, later, session, "the third text", m -> m.path("text").asText().equals("Any news?"));
        assertEquals("Customer", news.path(0).path("from").path("type").asText());
        assertEquals(1, as(agent).get("/api/v2/me/smssessions").then().statusCode(200).extract().jsonPath().getList("smssessions").size());
        // Reference 4.1: a slice of the transcript, startIndex 1-based.
        // Index 1 is the customer's ParticipantJoined, 2 and 3 its first texts.
        List<String> slice = as(agent).queryParam("startIndex", 3).queryParam("count", 1).get("/api/v2/me/smssessions/" + session + "/messages")
                .then().statusCode(200).extract().jsonPath().getList("messages.text", String.class);
        assertEquals(List.of("Order 4711"), slice);

        // Once completed, the phone's next text is a new session.
        operate(agent, session, Map.of("operationName", "Complete"));
        String next = center.text(phone, "One more thing");
        assertFalse(next.equals(session), "a completed session does not take new texts");
    }

    @Test
    void aTextTheAgentSendsReachesThePhoneAndOnlyThatPhone() {
        SmsContactCenter center = SmsContactCenter.create();
        String agent = center.readyAgent("Alice");
        String session = center.text("+15550200008", "Hi");
        center.text("+15550200009", "Someone else");
        operate(agent, session, Map.of("operationName", "Accept"));
        operate(agent, session, Map.of("operationName", "SendMessage", "text", "Hello, Alice here"));
        operate(agent, session, Map.of("operationName", "SendStartTypingNotification"));
        Awaitility.await().untilAsserted(() -> assertEquals(List.of("Hello, Alice here"), center.phone("+15550200008")));
        assertEquals(List.of(), center.phone("+15550200009"));
    }

    /** CONTRACT section 4 writes {@code ?msisdn=+15551234567}: the plus a person types is part of the number. */
    @Test
    void aPhoneNumberWithAnUnencodedPlusInTheQueryReadsThatPhone() {
        SmsContactCenter center = SmsContactCenter.create();
        String agent = center.readyAgent("Alice");
        String session = center.text("+15550200012", "Hi");
        operate(agent, session, Map.of("operationName", "Accept"));
        operate(agent, session, Map.of("operationName", "SendMessage", "text", "Hello"));
        Awaitility.await().untilAsserted(() -> assertEquals(List.of("Hello"), center.phone("+15550200012")));
        as(center.admin).urlEncodingEnabled(false).get("/api/v2/simulator/sms?msisdn=+15550200012").then().statusCode(200)
                .body("msisdn", equalTo("+15550200012")).body("messages.text", equalTo(List.of("Hello")));
        as(center.admin).queryParam("msisdn", "+15550200012").get("/api/v2/simulator/sms").then().statusCode(200)
                .body("messages.text", equalTo(List.of("Hello")));
        as(center.admin).get("/api/v2/simulator/sms").then().statusCode(400).body("statusCode", equalTo(1));
    }

    @Test
    void anSmsToANumberThatIsNotTheRoutingPointIsRefusedWithStatusCode2() {
        SmsContactCenter center = SmsContactCenter.create(SmsContactCenter.FEATURES, Map.of("smssession.routing-point", "7070"));
        as(center.admin).body(Map.of("from", "+15550200010", "to", "5001", "text", "Hello")).post("/api/v2/simulator/sms").then()
                .statusCode(400).body("statusCode", equalTo(2)).body("statusMessage", containsString("7070"));
        assertTrue(center.text("+15550200010", "7070", "Hello").matches("[0-9A-Z]{16,32}"));
        as(center.admin).body(Map.of("to", "7070", "text", "Hello")).post("/api/v2/simulator/sms").then()
                .statusCode(400).body("statusCode", equalTo(1));
    }

    @Test
    void theSimulatorAnswersOnlyAnAdminOfTheContactCenter() {
        SmsContactCenter center = SmsContactCenter.create();
        String agent = center.user("Alice", "ROLE_AGENT");
        as(agent).body(Map.of("from", "+15550200011", "to", "5001", "text", "Hello")).post("/api/v2/simulator/sms").then()
                .statusCode(403).body("statusCode", equalTo(5));
        as(agent).queryParam("msisdn", "+15550200011").get("/api/v2/simulator/sms").then().statusCode(403).body("statusCode", equalTo(5));

        SmsContactCenter withoutSimulator = SmsContactCenter.create(List.of("api-multimedia"), Map.of());
        as(withoutSimulator.admin).body(Map.of("from", "+15550200011", "to", "5001", "text", "Hello")).post("/api/v2/simulator/sms").then()
                .statusCode(404).body("statusCode", equalTo(6));
    }
}
