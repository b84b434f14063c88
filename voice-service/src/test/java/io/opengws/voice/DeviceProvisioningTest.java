package io.opengws.voice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opengws.common.events.ContactCenterRecord;
import io.opengws.common.events.Topics;
import io.opengws.local.testing.TestDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Devices through voice-service's own directory replica: the users exist only as gws.directory records,
 * published here as the notification service publishes them.
 */
@QuarkusTest
class DeviceProvisioningTest {

    static String center;
    static String admin;
    static String agent;
    static String supervisor;
    static String otherCenterAgent;
    static String voicelessAdmin;

    /** Once per class; in @BeforeEach because REST Assured learns the test port only then. */
    @BeforeEach
    void publishDirectory() {
        if (center != null) {
            return;
        }
        center = id();
        String otherCenter = id();
        String voiceless = id();
        publish(ContactCenterRecord.key(center), new ContactCenterRecord(center, "cc-" + center,
                List.of("api-voice", "api-supervisor-monitoring"), Map.of(), Instant.now()));
        publish(ContactCenterRecord.key(otherCenter), new ContactCenterRecord(otherCenter, "cc-" + otherCenter, List.of("api-voice"), Map.of(), Instant.now()));
        publish(ContactCenterRecord.key(voiceless), new ContactCenterRecord(voiceless, "cc-" + voiceless, List.of(), Map.of(), Instant.now()));
        admin = user(center, "ROLE_ADMIN");
        agent = user(center, "ROLE_AGENT");
        supervisor = user(center, "ROLE_AGENT", "ROLE_SUPERVISOR");
        otherCenterAgent = user(otherCenter, "ROLE_AGENT");
        voicelessAdmin = user(voiceless, "ROLE_ADMIN");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(voicelessAdmin).when().get("/api/v2/devices").then().statusCode(404));
    }

    @Test
    void anAdminCreatesADeviceForAnAgentWithGwsIdsAndUris() {
        String id = as(admin).body(Map.of("phoneNumber", "6001")).when().post("/api/v2/users/" + agent + "/devices").then()
                .statusCode(200).body("statusCode", equalTo(0))
                .body("id", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"))
                .extract().path("id");
        as(agent).when().get("/api/v2/me/devices?fields=*").then()
                .statusCode(200)
                .body("devices", hasSize(1))
                .body("devices[0].id", equalTo(id))
                .body("devices[0].phoneNumber", equalTo("6001"))
                .body("devices[0].uri", equalTo("http://localhost:8080/api/v2/devices/" + id))
                .body("devices[0].userState.state", equalTo("NotReady"))
                .body("devices[0].capabilities", equalTo(List.of("ForwardCallsOn", "DoNotDisturbOn")));
        as(agent).when().get("/api/v2/me/devices").then().statusCode(200)
                .body("uris", equalTo(List.of("http://localhost:8080/api/v2/devices/" + id)));
        as(admin).body(Map.of("phoneNumber", "6001")).when().post("/api/v2/users/" + supervisor + "/devices").then()
                .statusCode(403).body("statusCode", equalTo(18));
    }

    @Test
    void aSupervisorsDeviceOffersTheMonitoringOperations() {
        as(supervisor).body(Map.of("phoneNumber", "6002")).when().post("/api/v2/me/devices").then().statusCode(200);
        as(supervisor).when().get("/api/v2/me/devices?fields=*").then().statusCode(200)
                .body("devices[0].capabilities", equalTo(List.of("ForwardCallsOn", "DoNotDisturbOn", "ListenIn", "Coach", "BargeIn")));
        as(supervisor).when().get("/api/v2/users/" + supervisor + "/devices?fields=*").then().statusCode(200)
                .body("devices.phoneNumber", hasItem("6002"));
    }

    @Test
    void onlyAdminsProvisionOthersAndNothingCrossesContactCenters() {
        as(agent).body(Map.of("phoneNumber", "6003")).when().post("/api/v2/users/" + supervisor + "/devices").then()
                .statusCode(403).body("statusCode", equalTo(5));
        as(admin).body(Map.of("phoneNumber", "6004")).when().post("/api/v2/users/" + otherCenterAgent + "/devices").then()
                .statusCode(404).body("statusCode", equalTo(6));
        as(admin).body(Map.of()).when().post("/api/v2/users/" + agent + "/devices").then()
                .statusCode(400).body("statusCode", equalTo(1));
        as(admin).body(Map.of("phoneNumber", "six")).when().post("/api/v2/users/" + agent + "/devices").then()
                .statusCode(400).body("statusCode", equalTo(2));
        as(admin).body(Map.of("phoneNumber", "6005")).when().post("/api/v2/users/" + admin + "/devices").then()
                .statusCode(400).body("statusCode", equalTo(2));
        given().when().get("/api/v2/me/devices").then().statusCode(401).body("statusCode", equalTo(20));
        as(voicelessAdmin).when().get("/api/v2/devices").then().statusCode(404).body("statusCode", equalTo(6));
    }

    private static RequestSpecification as(String userId) {
        return TestDirectory.as(userId);
    }

    private static String user(String contactCenterId, String... roles) {
        return TestDirectory.user(contactCenterId, "Test", roles);
    }

    private static String id() {
        return TestDirectory.id();
    }

    private static void publish(String key, Object record) {
        TestDirectory.publish(Topics.DIRECTORY, key, record);
    }
}
