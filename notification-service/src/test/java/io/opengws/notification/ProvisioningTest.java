package io.opengws.notification;

import static io.opengws.notification.TestUsers.cloudAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.opengws.common.events.EventJson;
import io.opengws.common.events.Topics;
import io.opengws.common.events.UserRecord;
import io.opengws.notification.TestUsers.Account;
import io.quarkus.test.junit.QuarkusTest;

/** CONTRACT.md section 4 provisioning, through HTTP on the real database and broker. */
@QuarkusTest
class ProvisioningTest {

    @Test
    void noCredentialsAnswer401WithStatusCode20AndABasicChallenge() {
        given().when().get("/api/v2/me").then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"))
                .body("statusCode", equalTo(20));
        TestUsers.as("admin", "wrong-password").when().get("/api/v2/me").then().statusCode(401).body("statusCode", equalTo(20));
    }

    @Test
    void theBootstrapCloudAdminAndDefaultContactCenterExist() {
        cloudAdmin().when().get("/api/v2/me").then()
                .statusCode(200)
                .body("user.userName", equalTo("admin"))
                .body("user.roles", hasItem("ROLE_CLOUD_ADMIN"))
                .body("user.id", matchesPattern("[0-9a-f]{32}"));
        cloudAdmin().when().get("/api/v2/contact-centers?fields=*").then()
                .statusCode(200)
                .body("contactCenters.name", hasItem("default"));
    }

    @Test
    void aCreatedUserHasGwsIdsAndUrisAndCanSignIn() {
        String center = TestUsers.contactCenter();
        Account admin = TestUsers.adminOf(center);
        Account agent = TestUsers.user(admin.request(), null, "ROLE_AGENT");
        assertTrue(agent.id().matches("[0-9a-f]{32}"));
        agent.request().when().get("/api/v2/me").then()
                .statusCode(200)
                .body("statusCode", equalTo(0))
                .body("user.id", equalTo(agent.id()))
                .body("user.contactCenterId", equalTo(center))
                .body("user.uri", equalTo("http://localhost:8080/api/v2/users/" + agent.id()))
                .body("user.path", equalTo("/users/" + agent.id()))
                .body("user.password", nullValue());
    }

    @Test
    void aDuplicateUserNameAnswers403WithStatusCode18WhateverItsCase() {
        String center = TestUsers.contactCenter();
        Account admin = TestUsers.adminOf(center);
        Account agent = TestUsers.user(admin.request(), null, "ROLE_AGENT");
        admin.request().body(Map.of("userName", agent.userName().toUpperCase(), "password", "x", "firstName", "A", "lastName", "B",
                        "roles", List.of("ROLE_AGENT")))
                .when().post("/api/v2/users").then()
                .statusCode(403).body("statusCode", equalTo(18)).body("statusMessage", containsString("already exists"));
    }

    @Test
    void anUnknownUserAnswers404WithStatusCode6() {
        cloudAdmin().when().get("/api/v2/users/0123456789abcdef0123456789abcdef").then()
                .statusCode(404).body("statusCode", equalTo(6));
    }

    @Test
    void anAgentCallingAnAdminOperationAnswers403WithStatusCode5AndCreatesNothing() {
        String center = TestUsers.contactCenter();
        Account admin = TestUsers.adminOf(center);
        Account agent = TestUsers.user(admin.request(), null, "ROLE_AGENT");
        String userName = "intruder-" + UUID.randomUUID() + "@test.example";
        agent.request().body(Map.of("userName", userName, "password", "x", "firstName", "A", "lastName", "B", "roles", List.of("ROLE_ADMIN")))
                .when().post("/api/v2/users").then().statusCode(403).body("statusCode", equalTo(5));
        agent.request().when().get("/api/v2/users").then().statusCode(403).body("statusCode", equalTo(5));
        agent.request().body(Map.of("name", "cc-" + UUID.randomUUID())).when().post("/api/v2/contact-centers").then()
                .statusCode(403).body("statusCode", equalTo(5));
        admin.request().when().get("/api/v2/users?fields=*").then().statusCode(200).body("users.userName", not(hasItem(userName)));
    }

    @Test
    void nothingCrossesContactCenters() {
        Account adminA = TestUsers.adminOf(TestUsers.contactCenter());
        String centerB = TestUsers.contactCenter();
        Account agentB = TestUsers.user(TestUsers.adminOf(centerB).request(), null, "ROLE_AGENT");
        adminA.request().when().get("/api/v2/users/" + agentB.id()).then().statusCode(404).body("statusCode", equalTo(6));
        adminA.request().body(Map.of("firstName", "Changed")).when().post("/api/v2/users/" + agentB.id()).then().statusCode(404);
        adminA.request().when().delete("/api/v2/users/" + agentB.id()).then().statusCode(404);
        adminA.request().when().get("/api/v2/contact-centers/" + centerB).then().statusCode(404);
        adminA.request().when().get("/api/v2/users?fields=*").then().statusCode(200).body("users.id", not(hasItem(agentB.id())));
        adminA.request().body(Map.of("userName", "x-" + UUID.randomUUID(), "password", "x", "firstName", "A", "lastName", "B",
                "roles", List.of("ROLE_AGENT"), "contactCenterId", centerB)).when().post("/api/v2/users").then().statusCode(403);
    }

    @Test
    void missingAndInvalidParametersAreRefusedWithTheirStatusCodes() {
        Account admin = TestUsers.adminOf(TestUsers.contactCenter());
        admin.request().body(Map.of("password", "x", "firstName", "A", "lastName", "B", "roles", List.of("ROLE_AGENT")))
                .when().post("/api/v2/users").then().statusCode(400).body("statusCode", equalTo(1))
                .body("statusMessage", containsString("userName"));
        admin.request().body(Map.of("userName", "u-" + UUID.randomUUID(), "password", "x", "firstName", "A", "lastName", "B",
                        "roles", List.of("ROLE_WIZARD")))
                .when().post("/api/v2/users").then().statusCode(400).body("statusCode", equalTo(2))
                .body("statusMessage", containsString("ROLE_WIZARD"));
        admin.request().body(Map.of("userName", "u-" + UUID.randomUUID(), "password", "x".repeat(73), "firstName", "A", "lastName", "B",
                        "roles", List.of("ROLE_AGENT")))
                .when().post("/api/v2/users").then().statusCode(400).body("statusCode", equalTo(10))
                .body("statusMessage", containsString("72 bytes"));
        cloudAdmin().body(Map.of("name", "cc-" + UUID.randomUUID(), "features", List.of("api-teleport")))
                .when().post("/api/v2/contact-centers").then().statusCode(400).body("statusCode", equalTo(2));
    }

    @Test
    void aDuplicateContactCenterNameAnswersStatusCode18() {
        String name = "cc-" + UUID.randomUUID();
        cloudAdmin().body(Map.of("name", name)).when().post("/api/v2/contact-centers").then().statusCode(200);
        cloudAdmin().body(Map.of("name", name)).when().post("/api/v2/contact-centers").then().statusCode(403).body("statusCode", equalTo(18));
    }

    @Test
    void contactCenterFeaturesAndSettingsChangeByOperation() {
        String center = TestUsers.contactCenter(List.of("api-voice"), Map.of("chat.capacity", 5));
        cloudAdmin().when().get("/api/v2/contact-centers/" + center).then()
                .statusCode(200)
                .body("contactCenter.settings.'chat.capacity'", equalTo("5"))
                .body("contactCenter.settings.'voice.routing-point'", equalTo("5000"))
                .body("contactCenter.features", equalTo(List.of("api-voice")));
        cloudAdmin().body(Map.of("operationName", "AssignFeatures", "features", List.of("api-multimedia")))
                .when().post("/api/v2/contact-centers/" + center).then().statusCode(200)
                .body("contactCenter.features", equalTo(List.of("api-voice", "api-multimedia")));
        cloudAdmin().body(Map.of("operationName", "UnassignFeatures", "features", List.of("api-voice")))
                .when().post("/api/v2/contact-centers/" + center).then().statusCode(200)
                .body("contactCenter.features", equalTo(List.of("api-multimedia")));
        cloudAdmin().body(Map.of("operationName", "UpdateSettings", "settings", Map.of("voice.routing-point", "7000")))
                .when().post("/api/v2/contact-centers/" + center).then().statusCode(200)
                .body("contactCenter.settings.'voice.routing-point'", equalTo("7000"));
    }

    @Test
    void aProvisioningFeatureThatIsOffAnswers404() {
        String center = TestUsers.contactCenter(List.of("api-voice"), Map.of());
        Account admin = TestUsers.adminOf(center);
        admin.request().when().get("/api/v2/users").then().statusCode(404).body("statusCode", equalTo(6));
    }

    @Test
    void updatedPasswordsAndRolesTakeEffectAtOnceAndDeletedUsersCannotSignIn() {
        Account admin = TestUsers.adminOf(TestUsers.contactCenter());
        Account agent = TestUsers.user(admin.request(), null, "ROLE_AGENT");
        agent.request().when().get("/api/v2/me").then().statusCode(200);
        admin.request().body(Map.of("password", "new-secret", "roles", List.of("ROLE_AGENT", "ROLE_SUPERVISOR")))
                .when().post("/api/v2/users/" + agent.id()).then().statusCode(200).body("statusCode", equalTo(0));
        agent.request().when().get("/api/v2/me").then().statusCode(401);
        TestUsers.as(agent.userName(), "new-secret").when().get("/api/v2/me").then().statusCode(200)
                .body("user.roles", equalTo(List.of("ROLE_AGENT", "ROLE_SUPERVISOR")));
        admin.request().when().delete("/api/v2/users/" + agent.id()).then().statusCode(200);
        TestUsers.as(agent.userName(), "new-secret").when().get("/api/v2/me").then().statusCode(401);
        admin.request().when().get("/api/v2/users/" + agent.id()).then().statusCode(404);
    }

    @Test
    void everyUserIsPublishedToTheDirectoryTopicWithAHashNeverThePassword() {
        Account admin = TestUsers.adminOf(TestUsers.contactCenter());
        Account agent = TestUsers.user(admin.request(), null, "ROLE_AGENT");
        UserRecord published = awaitDirectoryRecord(UserRecord.key(agent.id()));
        assertEquals(agent.userName(), published.userName());
        assertTrue(published.passwordHash().startsWith("$2"), "a bcrypt hash");
        assertFalse(published.passwordHash().contains(agent.password()));
        assertEquals(List.of("ROLE_AGENT"), published.roles());
    }

    private static UserRecord awaitDirectoryRecord(String key) {
        return EventJson.read(TopicProbe.await(Topics.DIRECTORY, record -> key.equals(record.key()) && record.value() != null).value(),
                UserRecord.class);
    }
}
