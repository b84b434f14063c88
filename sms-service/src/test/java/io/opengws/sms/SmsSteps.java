package io.opengws.sms;

import static io.opengws.sms.SmsContactCenter.as;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.response.ValidatableResponse;

/** What agents and supervisors do in the SMS tests, through the API, and how their SMS sessions read. */
final class SmsSteps {

    private static final SmsInbox inbox = SmsInbox.shared();

    private SmsSteps() {
    }

    /** Coach (AllChats unless said otherwise), confirmed on the supervisor's channel state. */
    static void coach(String supervisor, String agent, Map<String, String> parameters) {
        int since = inbox.mark();
        Map<String, Object> body = new HashMap<>(parameters);
        body.put("operationName", "Coach");
        monitor(supervisor, agent, body).statusCode(200).body("statusCode", equalTo(0));
        monitoringStates(supervisor, since, states -> states.size() > 0);
    }

    /** A text from {@code phone} that the agent accepts, and the coach's session once it has joined. */
    static String acceptedWithSupervisor(SmsContactCenter center, String agent, String supervisor, String phone, String text) {
        String session = center.text(phone, text);
        int accepted = inbox.mark();
        operate(agent, session, Map.of("operationName", "Accept"));
        inbox.awaitMessage(supervisor, accepted, session, "the supervisor's ParticipantJoined",
                m -> m.path("type").asText().equals("ParticipantJoined") && m.path("from").path("uri").asText().endsWith(supervisor));
        return session;
    }

    static ValidatableResponse monitor(String supervisor, String agent, Map<String, ?> body) {
        return as(supervisor).body(body).post("/api/v2/users/" + agent + "/channels/smssession").then();
    }

    static void operate(String user, String session, Map<String, ?> body) {
        operate(user, session, body, 200).body("statusCode", equalTo(0));
    }

    static ValidatableResponse operate(String user, String session, Map<String, ?> body, int status) {
        return as(user).body(body).post("/api/v2/me/smssessions/" + session).then().statusCode(status);
    }

    /** The supervisorMonitoringStates of the first ChannelStateChangeMessage from {@code since} on that matches. */
    static JsonNode monitoringStates(String supervisor, int since, Predicate<JsonNode> match) {
        return inbox.await(supervisor, since, "ChannelStateChangeMessage", event -> "/v2/me/channels".equals(event.channel())
                && event.data().path("channels").path(0).path("channel").asText().equals("smssession")
                && match.test(event.data().path("channels").path(0).path("supervisorMonitoringStates")))
                .data().path("channels").path(0).path("supervisorMonitoringStates");
    }

    /** GET /api/v2/me/smssessions as {@code user}: the ids of its sessions. */
    static List<String> sessionIdsOf(String user) {
        return as(user).get("/api/v2/me/smssessions").then().statusCode(200).extract().jsonPath().getList("smssessions.id", String.class);
    }

    static JsonNode participant(JsonNode session, String nickname) {
        for (JsonNode participant : session.path("participants")) {
            if (participant.path("nickname").asText().equals(nickname)) {
                return participant;
            }
        }
        throw new AssertionError("No participant " + nickname + " in " + session);
    }

    static List<String> nicknames(JsonNode session) {
        List<String> nicknames = new ArrayList<>();
        session.path("participants").forEach(participant -> nicknames.add(participant.path("nickname").asText()));
        return nicknames;
    }

    /** The texts among transcript messages, in order. */
    static List<String> texts(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        messages.forEach(message -> {
            if (message.path("type").asText().equals("Text")) {
                texts.add(message.path("text").asText());
            }
        });
        return texts;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static JsonNode last(JsonNode array) {
        return array.path(array.size() - 1);
    }
}
