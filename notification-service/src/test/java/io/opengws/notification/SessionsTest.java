package io.opengws.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.opengws.common.events.EventJson;
import io.opengws.common.events.SessionEvent;
import io.opengws.common.events.Topics;
import io.opengws.notification.TestUsers.Account;
import io.opengws.notification.me.MeResourceRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Cookies, contact-center sessions (decision 13), CSRF and the /api/v2/me projection. */
@QuarkusTest
class SessionsTest {

    private static final String COOKIE = "JSESSIONID";

    @Inject
    MeResourceRepository resources;

    @Test
    void theFirstAuthenticatedAnswerSetsACookieThatAuthenticatesAlone() {
        Account agent = agentIn(TestUsers.contactCenter());
        String cookie = agent.request().when().get("/api/v2/me").then().statusCode(200).extract().cookie(COOKIE);
        given().cookie(COOKIE, cookie).when().get("/api/v2/me").then()
                .statusCode(200).body("user.id", equalTo(agent.id()));
        given().cookie(COOKIE, cookie.substring(0, cookie.length() - 2) + "xx").when().get("/api/v2/me").then()
                .statusCode(401).body("statusCode", equalTo(20));
    }

    @Test
    void startingWithEveryChannelAvailableAnswers0AndPublishesSessionStarted() {
        Account agent = agentIn(TestUsers.contactCenter());
        agent.request().body(Map.of("operationName", "StartContactCenterSession", "channels", List.of("voice", "chat", "smssession")))
                .when().post("/api/v2/me").then().statusCode(200).body("statusCode", equalTo(0));
        SessionEvent.SessionStarted started = (SessionEvent.SessionStarted) sessionEvent(agent.id(), SessionEvent.SessionStarted.class);
        assertEquals(List.of("voice", "chat", "smssession"), started.channels());
    }

    @Test
    void aChannelWhoseFeatureIsOffMakesAPartialSuccessWithPerChannelStatus() {
        Account agent = agentIn(TestUsers.contactCenter(List.of("api-voice", "api-provisioning-read", "api-provisioning-write"), Map.of()));
        agent.request().body(Map.of("operationName", "StartContactCenterSession", "channels", List.of("voice", "chat")))
                .when().post("/api/v2/me").then()
                .statusCode(200)
                .body("statusCode", equalTo(7))
                .body("channels.voice.statusCode", equalTo(0))
                .body("channels.chat.statusCode", equalTo(6))
                .body("channels.chat.statusMessage", containsString("api-multimedia"));
    }

    @Test
    void whenEveryChannelFailsTheAnswerIsThatChannelsError() {
        Account agent = agentIn(TestUsers.contactCenter(List.of("api-provisioning-read", "api-provisioning-write"), Map.of()));
        agent.request().body(Map.of("operationName", "StartContactCenterSession", "channels", List.of("voice")))
                .when().post("/api/v2/me").then().statusCode(404).body("statusCode", equalTo(6));
        agent.request().body(Map.of("operationName", "StartContactCenterSession", "channels", List.of("email")))
                .when().post("/api/v2/me").then().statusCode(400).body("statusCode", equalTo(2));
        agent.request().body(Map.of("operationName", "StartContactCenterSession"))
                .when().post("/api/v2/me").then().statusCode(400).body("statusCode", equalTo(1));
    }

    @Test
    void endingTheSessionInvalidatesTheCookieEverywhereAndPublishesSessionEnded() {
        Account agent = agentIn(TestUsers.contactCenter());
        String cookie = agent.request().body(Map.of("operationName", "StartContactCenterSession", "channels", List.of("voice")))
                .when().post("/api/v2/me").then().statusCode(200).extract().cookie(COOKIE);
        Response end = given().cookie(COOKIE, cookie).contentType("application/json")
                .body(Map.of("operationName", "EndContactCenterSession")).when().post("/api/v2/me");
        end.then().statusCode(200).body("statusCode", equalTo(0));
        assertEquals("", end.getCookie(COOKIE), "the answer clears the cookie");
        given().cookie(COOKIE, cookie).when().get("/api/v2/me").then().statusCode(401);
        SessionEvent.SessionEnded ended = (SessionEvent.SessionEnded) sessionEvent(agent.id(), SessionEvent.SessionEnded.class);
        assertEquals(SessionEvent.EndReason.logout, ended.reason());
        String fresh = agent.request().when().get("/api/v2/me").then().statusCode(200).extract().cookie(COOKIE);
        assertNotEquals(cookie, fresh);
        given().cookie(COOKIE, fresh).when().get("/api/v2/me").then().statusCode(200);
    }

    @Test
    void withCsrfProtectionOnWritesNeedTheTokenTheGetAnswerGave() {
        String center = TestUsers.contactCenter();
        Account agent = agentIn(center);
        TestUsers.cloudAdmin().body(Map.of("operationName", "UpdateSettings", "settings", Map.of("enableCsrfProtection", true)))
                .when().post("/api/v2/contact-centers/" + center).then().statusCode(200);
        // GWS: a client without a cookie store cannot write at all once protection is on.
        agent.request().body(Map.of("operationName", "StartContactCenterSession", "channels", List.of("voice")))
                .when().post("/api/v2/me").then().statusCode(403).body("statusCode", equalTo(3));
        Response me = agent.request().when().get("/api/v2/me");
        me.then().statusCode(200).header("X-CSRF-HEADER", equalTo("X-CSRF-TOKEN")).header("X-CSRF-TOKEN", notNullValue());
        String cookie = me.getCookie(COOKIE);
        Map<String, Object> start = Map.of("operationName", "StartContactCenterSession", "channels", List.of("voice"));
        given().cookie(COOKIE, cookie).contentType("application/json").body(start).when().post("/api/v2/me").then()
                .statusCode(403).body("statusCode", equalTo(3)).body("statusMessage", equalTo("Missing or invalid Csrf token"));
        given().cookie(COOKIE, cookie).header("X-CSRF-TOKEN", me.getHeader("X-CSRF-TOKEN")).contentType("application/json").body(start)
                .when().post("/api/v2/me").then().statusCode(200).body("statusCode", equalTo(0));
    }

    @Test
    void meRecoversTheStateOfResourcesTheUserWasNotifiedAbout() {
        Account agent = agentIn(TestUsers.contactCenter());
        String deviceId = UUID.randomUUID().toString();
        String callId = "CALL" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        notify(agent.id(), "/v2/me/devices", Map.of("messageType", "DeviceStateChangeMessage",
                "devices", List.of(Map.of("id", deviceId, "deviceState", "Active", "userState", Map.of("state", "Ready")))));
        notify(agent.id(), "/v2/me/calls", Map.of("messageType", "CallStateChangeMessage", "notificationType", "StatusChange",
                "call", Map.of("id", callId, "state", "Established")));
        Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> agent.request()
                .when().get("/api/v2/me?subresources=devices,calls").then()
                .statusCode(200)
                .body("user.devices.id", hasItem(deviceId))
                .body("user.devices[0].userState.state", equalTo("Ready"))
                .body("user.calls.id", hasItem(callId)));
        notify(agent.id(), "/v2/me/calls", Map.of("messageType", "CallStateChangeMessage", "notificationType", "StatusChange",
                "call", Map.of("id", callId, "state", "Released")));
        Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> agent.request()
                .when().get("/api/v2/me?subresources=calls").then().statusCode(200).body("user.calls", hasSize(0)));
    }

    @Test
    void aNotificationThatRepeatsAResourceAsItWasLeavesItsRowAlone() {
        Account agent = agentIn(TestUsers.contactCenter());
        String deviceId = UUID.randomUUID().toString();
        Map<String, Object> ready = Map.of("messageType", "DeviceStateChangeMessage",
                "devices", List.of(Map.of("id", deviceId, "deviceState", "Active", "userState", Map.of("state", "Ready"))));
        notify(agent.id(), "/v2/me/devices", ready);
        Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> agent.request()
                .when().get("/api/v2/me?subresources=devices").then().statusCode(200).body("user.devices.id", hasItem(deviceId)));
        Instant firstWritten = updatedAt(agent.id(), deviceId);

        // The same state again, then a marker on the same partition: once the marker is in, the repeat was handled.
        notify(agent.id(), "/v2/me/devices", ready);
        String marker = UUID.randomUUID().toString();
        notify(agent.id(), "/v2/me/devices", Map.of("messageType", "DeviceStateChangeMessage",
                "devices", List.of(Map.of("id", marker, "deviceState", "Active"))));
        Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> agent.request()
                .when().get("/api/v2/me?subresources=devices").then().statusCode(200).body("user.devices.id", hasItem(marker)));
        assertEquals(firstWritten, updatedAt(agent.id(), deviceId));

        notify(agent.id(), "/v2/me/devices", Map.of("messageType", "DeviceStateChangeMessage",
                "devices", List.of(Map.of("id", deviceId, "deviceState", "Active", "userState", Map.of("state", "NotReady")))));
        Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> agent.request()
                .when().get("/api/v2/me?subresources=devices").then().statusCode(200)
                .body("user.devices.find { it.id == '" + deviceId + "' }.userState.state", equalTo("NotReady")));
        assertNotEquals(firstWritten, updatedAt(agent.id(), deviceId));
    }

    private Instant updatedAt(String userId, String deviceId) {
        return QuarkusTransaction.requiringNew().call(() -> resources.of(userId, "devices").stream()
                .filter(row -> row.resourceId.equals(deviceId)).findFirst().orElseThrow().updatedAt);
    }

    @Test
    void everySubresourceCanBeAskedForAndUnknownOnesAreRefused() {
        Account agent = agentIn(TestUsers.contactCenter());
        agent.request().when().get("/api/v2/me?subresources=*").then()
                .statusCode(200)
                .body("user.features", hasItem("api-voice"))
                .body("user.settings.voice.'routing-point'", equalTo("5000"))
                .body("user.devices", hasSize(0))
                .body("user.chats", hasSize(0))
                .body("user.smssessions", hasSize(0))
                .body("user.channels", hasSize(0));
        agent.request().when().get("/api/v2/me?subresources=teleporters").then().statusCode(400).body("statusCode", equalTo(2));
    }

    private static Account agentIn(String contactCenterId) {
        return TestUsers.user(TestUsers.adminOf(contactCenterId).request(), null, "ROLE_AGENT");
    }

    private static SessionEvent sessionEvent(String userId, Class<? extends SessionEvent> type) {
        return EventJson.read(TopicProbe.await(Topics.SESSIONS, record -> userId.equals(record.key())
                && type.isInstance(EventJson.read(record.value(), SessionEvent.class))).value(), SessionEvent.class);
    }

    private static void notify(String userId, String channel, Map<String, Object> data) {
        Map<String, Object> event = Map.of("eventId", UUID.randomUUID().toString(), "contactCenterId", "cc", "userId", userId,
                "channel", channel, "data", data, "occurredAt", java.time.Instant.now().toString());
        TopicProbe.produce(Topics.NOTIFICATIONS_VOICE, userId, EventJson.write(event));
    }
}
