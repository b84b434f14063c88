package io.opengws.notification.cometd;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opengws.common.events.Topics;
import io.opengws.notification.IdentityFixtures;
import io.opengws.notification.messaging.TestNotifications;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * CometD with the real directory (CONTRACT.md section 2, auth row): a desktop opens CometD with the
 * JSESSIONID of its first GET /api/v2/me and no credentials, or with Basic; ending the session closes that door.
 */
@QuarkusTest
class DirectoryIdentityCometdTest {

    @TestHTTPResource("/api/v2/notifications")
    URI notifications;

    @Test
    void aDesktopOpensCometdWithItsSessionCookieAloneAndReceivesItsNotifications() {
        FanOutReadiness.await(notifications);
        IdentityFixtures.Person agent = IdentityFixtures.agent();
        String cookie = agent.request().when().get("/api/v2/me").then().statusCode(200).extract().cookie("JSESSIONID");
        RawBayeux desktop = new RawBayeux(notifications, null);
        desktop.cookies().put("JSESSIONID", cookie);
        String clientId = desktop.connectedAndSubscribed("/v2/me/*");

        TestNotifications.send(Topics.NOTIFICATIONS_VOICE, new BayeuxPrincipal(agent.id(), agent.contactCenterId()), "/v2/me/devices",
                TestNotifications.data("DeviceStateChangeMessage", 7));
        boolean received = false;
        long deadline = System.currentTimeMillis() + 15_000;
        while (!received && System.currentTimeMillis() < deadline) {
            for (ObjectNode event : desktop.connect(clientId, 1000L).events()) {
                assertEquals("/v2/me/devices", event.path("channel").asText());
                received = true;
            }
        }
        assertTrue(received, "the notification reached the cookie-authenticated session");
    }

    @Test
    void basicOfADirectoryUserIsAcceptedAndAWrongPasswordIsNot() {
        IdentityFixtures.Person agent = IdentityFixtures.agent();
        assertTrue(handshake(new RawBayeux(notifications, agent.basic())).path("successful").asBoolean());
        assertFalse(handshake(new RawBayeux(notifications, IdentityFixtures.basic(agent.userName(), "wrong")))
                .path("successful").asBoolean());
    }

    @Test
    void afterEndContactCenterSessionTheOldCookieOpensNoCometdSession() {
        IdentityFixtures.Person agent = IdentityFixtures.agent();
        String cookie = agent.request().when().get("/api/v2/me").then().statusCode(200).extract().cookie("JSESSIONID");
        given().cookie("JSESSIONID", cookie).contentType("application/json").body(Map.of("operationName", "EndContactCenterSession"))
                .when().post("/api/v2/me").then().statusCode(200);
        RawBayeux desktop = new RawBayeux(notifications, null);
        desktop.cookies().put("JSESSIONID", cookie);
        assertFalse(handshake(desktop).path("successful").asBoolean());
    }

    private static ObjectNode handshake(RawBayeux bayeux) {
        return bayeux.post("", bayeux.handshakeMessage()).replyOn("/meta/handshake");
    }
}
