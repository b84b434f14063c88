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
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.opengws.common.events.NotificationEvent;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Seed 002 (reference 4.3, the SMS Coach page) sentence by sentence, one test each, through the real broker and
 * database: texts come from the simulator's phones, what the customer sees is what its phone received.
 */
@QuarkusTest
class SmsCoachSeedTest {

    /** Reference 3.5, Coach column: what a coaching supervisor may do in its session. */
    static final Set<String> COACH_CAPABILITIES = Set.of("Leave", "SetInFocus", "SetDisposition", "AttachUserData", "DeleteUserData",
            "UpdateUserData", "AddComment", "Transfer", "Invite", "Consult", "SendToAgents", "SendStartTypingToAgentsNotification",
            "SendStopTypingToAgentsNotification", "SwitchToMonitor", "SwitchToBargeIn");

    private final SmsInbox inbox = SmsInbox.shared();

    /** "This allows a supervisor to coach targeted agent SMS sessions." */
    @Test
    void thisAllowsASupervisorToCoachTargetedAgentSmsSessions() {
        SmsContactCenter center = SmsContactCenter.create();
        String agent = center.readyAgent("Alice");
        String supervisor = center.supervisor("Sam");
        String notSupervisor = center.user("Bob", "ROLE_AGENT");

        int configured = inbox.mark();
        monitor(supervisor, agent, Map.of("operationName", "Coach", "supervisorMonitoringMode", "NextChat")).statusCode(200)
                .body("statusCode", equalTo(0));
        // CONTRACT decision 9: the supervisor's channel state lists the subscription it now has.
        JsonNode states = monitoringStates(supervisor, configured, listed -> listed.size() == 1);
        assertEquals("Coach", states.path(0).path("state").asText());
        assertEquals("NextChat", states.path(0).path("mode").asText());
        assertTrue(states.path(0).path("targetUserUri").asText().endsWith("/api/v2/users/" + agent), states.toString());

        monitor(notSupervisor, agent, Map.of("operationName", "Coach")).statusCode(403).body("statusCode", equalTo(5));
        monitor(supervisor, "0123456789abcdef0123456789abcdef", Map.of("operationName", "Coach")).statusCode(404)
                .body("statusCode", equalTo(6));
    }

    /**
     * "When coaching is configured and the agent accepts an SMS session, the supervisor is also delivered the SMS
     * session, but only the agent can see the supervisor's messages."
     */
    @Test
    void whenTheAgentAcceptsTheSupervisorIsAlsoDeliveredTheSessionButOnlyTheAgentSeesItsMessages() {
        SmsContactCenter center = SmsContactCenter.create();
        String agent = center.readyAgent("Alice");
        String supervisor = center.supervisor("Sam");
        coach(supervisor, agent, Map.of("nickname", "Coach Carter"));

        int offered = inbox.mark();
        String session = center.text("+15550100001", "Is my order shipped?");
        JsonNode invited = inbox.awaitSession(agent, offered, session, "Invited", s -> s.path("state").asText().equals("Invited"));
        assertEquals(List.of("Accept", "Reject"), strings(invited.path("capabilities")));
        assertTrue(inbox.about(supervisor, offered, session).isEmpty(), "nothing reaches the supervisor before the agent accepts");

        int accepted = inbox.mark();
        operate(agent, session, Map.of("operationName", "Accept"));
        inbox.awaitMessage(supervisor, accepted, session, "its own ParticipantJoined",
                m -> m.path("type").asText().equals("ParticipantJoined") && m.path("from").path("nickname").asText().equals("Coach Carter"));
        // Reference 3.6: ParticipantsUpdated, StatusChange, then the transcript so far, with no Accept of its own.
        List<NotificationEvent> delivered = inbox.about(supervisor, accepted, session);
        assertEquals(List.of("ParticipantsUpdated", "StatusChange", "NewMessages"),
                delivered.stream().map(event -> event.data().path("notificationType").asText()).toList());
        JsonNode supervisorSession = delivered.get(1).data().path("smssession");
        assertEquals("Chatting", supervisorSession.path("state").asText());
        assertEquals(COACH_CAPABILITIES, Set.copyOf(strings(supervisorSession.path("capabilities"))));
        JsonNode coach = participant(supervisorSession, "Coach Carter");
        assertEquals("Agents", coach.path("visibility").asText());
        assertEquals("Agent", coach.path("type").asText());
        JsonNode transcript = delivered.get(2).data();
        assertTrue(transcript.path("smssessionUri").asText().endsWith("/api/v2/smssessions/" + session), transcript.toString());
        assertEquals(List.of("Is my order shipped?"), texts(transcript.path("messages")), "the history before it joined");
        JsonNode joined = last(transcript.path("messages"));
        assertEquals("ParticipantJoined", joined.path("type").asText());
        assertEquals("Agents", joined.path("visibility").asText());

        // The agent sees its coach join, and may now write to agents only.
        JsonNode agentView = inbox.awaitSession(agent, accepted, session, "the coach among the participants",
                s -> nicknames(s).contains("Coach Carter"));
        assertTrue(strings(agentView.path("capabilities")).contains("SendToAgents"), agentView.toString());

        int coached = inbox.mark();
        operate(supervisor, session, Map.of("operationName", "SendToAgents", "text", "Offer free shipping"));
        JsonNode seen = inbox.awaitMessage(agent, coached, session, "the coach's text",
                m -> m.path("text").asText().equals("Offer free shipping"));
        assertEquals("Agents", seen.path(0).path("visibility").asText());
        assertEquals("Coach Carter", seen.path(0).path("from").path("nickname").asText());
        // A coach has no way to write to everyone.
        operate(supervisor, session, Map.of("operationName", "SendMessage", "text", "Hello customer"), 400).body("statusCode", equalTo(2))
                .body("statusMessage", containsString("Coach"));
    }

    /** "The customer cannot see any of the supervisor's SMS session messages." */
    @Test
    void theCustomerCannotSeeAnyOfTheSupervisorsMessages() {
        SmsContactCenter center = SmsContactCenter.create();
        String agent = center.readyAgent("Alice");
        String supervisor = center.supervisor("Sam");
        coach(supervisor, agent, Map.of());
        String phone = "+15550100002";
        String session = acceptedWithSupervisor(center, agent, supervisor, phone, "Hi, I need help");

        operate(supervisor, session, Map.of("operationName", "SendStartTypingToAgentsNotification"));
        operate(supervisor, session, Map.of("operationName", "SendToAgents", "text", "Ask for the order number"));
        operate(agent, session, Map.of("operationName", "SendMessage", "text", "What is your order number?"));
        // The coach wrote first: once the agent's later text is on the phone, the coach's would be there too.
        Awaitility.await().untilAsserted(() -> assertEquals(List.of("What is your order number?"), center.phone(phone)));

        int completed = inbox.mark();
        operate(agent, session, Map.of("operationName", "Complete", "text", "Thank you, goodbye"));
        inbox.awaitSession(supervisor, completed, session, "Revoked", s -> s.path("state").asText().equals("Revoked"));
        assertEquals(List.of("What is your order number?", "Thank you, goodbye"), center.phone(phone));
        // The coach's text exists: the agent reads it in the transcript, so its absence on the phone means something.
        List<String> agentReads = as(agent).get("/api/v2/me/smssessions/" + session + "/messages").then().statusCode(200)
                .extract().jsonPath().getList("messages.text", String.class);
        assertTrue(agentReads.contains("Ask for the order number"), agentReads.toString());
    }

    /** "If the agent is currently in an SMS session, the supervisor will be added to the agent's next SMS session." */
    @Test
    void ifTheAgentIsCurrentlyInAnSmsSessionTheSupervisorWillBeAddedToTheAgentsNextSmsSession() {
        SmsContactCenter center = SmsContactCenter.create();
        String agent = center.readyAgent("Alice");
        String supervisor = center.supervisor("Sam");
        String current = center.text("+15550100003", "First customer");
        operate(agent, current, Map.of("operationName", "Accept"));

        int since = inbox.mark();
        coach(supervisor, agent, Map.of());
        // The current session goes on without the supervisor, even as it changes.
        center.text("+15550100003", "Still there?");
        operate(agent, current, Map.of("operationName", "SendMessage", "text", "Yes"));
        String next = acceptedWithSupervisor(center, agent, supervisor, "+15550100004", "Second customer");

        assertTrue(inbox.about(supervisor, since, current).isEmpty(), "the supervisor never hears of the session already in progress");
        assertEquals(List.of(next), sessionIdsOf(supervisor));
        List<String> inCurrent = as(agent).get("/api/v2/me/smssessions/" + current).then().statusCode(200).extract().jsonPath()
                .getList("smssession.participants.nickname", String.class);
        assertEquals(2, inCurrent.size(), "the agent and the customer only: " + inCurrent);
        assertTrue(nicknames(as(agent).get("/api/v2/me/smssessions/" + next).then().statusCode(200).extract().jsonPath()
                .getObject("smssession", JsonNode.class)).contains(supervisor + "@sms.test"), "without a nickname, the user name");
    }

    /** "When the SMS session is completed or placed in a queue, the supervisor will receive SMS session state Revoked." */
    @ParameterizedTest
    @ValueSource(strings = {"completed", "placed in a queue"})
    void whenTheSmsSessionIsCompletedOrPlacedInAQueueTheSupervisorReceivesRevoked(String ending) {
        SmsContactCenter center = SmsContactCenter.create();
        String agent = center.readyAgent("Alice");
        String supervisor = center.supervisor("Sam");
        coach(supervisor, agent, Map.of());
        String session = acceptedWithSupervisor(center, agent, supervisor, "+15550100005", "Help");

        int ended = inbox.mark();
        operate(agent, session, ending.equals("completed") ? Map.of("operationName", "Complete")
                : Map.of("operationName", "Transfer", "queueName", "sms-overflow"));
        JsonNode revoked = inbox.awaitSession(supervisor, ended, session, "Revoked", s -> s.path("state").asText().equals("Revoked"));
        assertEquals("StatusChange", inbox.about(supervisor, ended, session).get(0).data().path("notificationType").asText());
        // Seed 004's Revoked sample: nothing left to show or do.
        assertEquals(0, revoked.path("participants").size(), revoked.toString());
        assertEquals(0, revoked.path("capabilities").size(), revoked.toString());
        assertFalse(revoked.has("userData"), revoked.toString());
        assertEquals("Completed", inbox.awaitSession(agent, ended, session, "the agent done",
                s -> s.path("state").asText().equals("Completed")).path("state").asText());
        assertEquals(List.of(), sessionIdsOf(supervisor));
    }

    /**
     * "If the agent being monitored leaves the SMS session but another agent remains, the supervisor will continue
     * monitoring this SMS session until it is complete or placed in a queue."
     */
    @Test
    void ifTheMonitoredAgentLeavesButAnotherAgentRemainsTheSupervisorContinuesUntilTheSessionIsComplete() {
        SmsContactCenter center = SmsContactCenter.create();
        String agent = center.readyAgent("Alice");
        // Not Ready: routing must offer the text to Alice; Bob only joins by invitation.
        String colleague = center.user("Bob", "ROLE_AGENT");
        String supervisor = center.supervisor("Sam");
        coach(supervisor, agent, Map.of());
        String phone = "+15550100006";
        String session = acceptedWithSupervisor(center, agent, supervisor, phone, "Billing question");

        int invited = inbox.mark();
        operate(agent, session, Map.of("operationName", "Invite", "targetUri", userUri(colleague)));
        inbox.awaitSession(colleague, invited, session, "Invited", s -> s.path("state").asText().equals("Invited"));
        operate(colleague, session, Map.of("operationName", "Accept"));
        int left = inbox.mark();
        operate(agent, session, Map.of("operationName", "Leave"));
        inbox.awaitSession(agent, left, session, "Completed (left the conference)", s -> s.path("state").asText().equals("Completed"));

        JsonNode stillThere = inbox.awaitSession(supervisor, left, session, "Alice gone",
                s -> !nicknames(s).contains("Alice") && nicknames(s).contains("Bob"));
        assertEquals("Chatting", stillThere.path("state").asText());
        operate(colleague, session, Map.of("operationName", "SendMessage", "text", "Bob here, I take over"));
        inbox.awaitMessage(supervisor, left, session, "Bob's text", m -> m.path("text").asText().equals("Bob here, I take over"));
        operate(supervisor, session, Map.of("operationName", "SendToAgents", "text", "Well done, Bob"));
        inbox.awaitMessage(colleague, left, session, "the coach's text", m -> m.path("text").asText().equals("Well done, Bob"));
        assertTrue(inbox.about(supervisor, left, session).stream().noneMatch(event -> "Revoked".equals(
                event.data().path("smssession").path("state").asText())), "not revoked while Bob remains");

        int completed = inbox.mark();
        operate(colleague, session, Map.of("operationName", "Complete"));
        inbox.awaitSession(supervisor, completed, session, "Revoked", s -> s.path("state").asText().equals("Revoked"));
        Awaitility.await().untilAsserted(() -> assertEquals(List.of("Bob here, I take over"), center.phone(phone)));
    }

    /** "The supervisor can leave an SMS session at any time." */
    @Test
    void theSupervisorCanLeaveAnSmsSessionAtAnyTime() {
        SmsContactCenter center = SmsContactCenter.create();
        String agent = center.readyAgent("Alice");
        String supervisor = center.supervisor("Sam");
        coach(supervisor, agent, Map.of("nickname", "Coach Carter"));
        String phone = "+15550100007";
        String session = acceptedWithSupervisor(center, agent, supervisor, phone, "Question");

        int left = inbox.mark();
        operate(supervisor, session, Map.of("operationName", "Leave"));
        JsonNode gone = inbox.awaitSession(supervisor, left, session, "Completed", s -> s.path("state").asText().equals("Completed"));
        assertEquals(0, gone.path("capabilities").size(), gone.toString());
        JsonNode agentView = inbox.awaitSession(agent, left, session, "the coach gone", s -> !nicknames(s).contains("Coach Carter"));
        assertEquals("Chatting", agentView.path("state").asText());
        assertFalse(strings(agentView.path("capabilities")).contains("SendToAgents"), "no other agent to write to: " + agentView);
        inbox.awaitMessage(agent, left, session, "ParticipantLeft",
                m -> m.path("type").asText().equals("ParticipantLeft") && m.path("visibility").asText().equals("Agents"));

        // The conversation goes on without the supervisor, who hears no more of it.
        int after = inbox.mark();
        operate(agent, session, Map.of("operationName", "SendMessage", "text", "Anything else?"));
        Awaitility.await().untilAsserted(() -> assertEquals(List.of("Anything else?"), center.phone(phone)));
        assertTrue(inbox.about(supervisor, after, session).isEmpty(), inbox.about(supervisor, after, session).toString());
    }
}
