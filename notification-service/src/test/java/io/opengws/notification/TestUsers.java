package io.opengws.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.specification.RequestSpecification;

/** Provisioning through the public API, as an operator does it: contact centers and their people. */
final class TestUsers {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin";

    record Account(String id, String userName, String password) {
        RequestSpecification request() {
            return as(userName, password);
        }
    }

    private TestUsers() {
    }

    static RequestSpecification as(String userName, String password) {
        return given().auth().preemptive().basic(userName, password).contentType("application/json");
    }

    static RequestSpecification cloudAdmin() {
        return as(ADMIN, ADMIN_PASSWORD);
    }

    static String contactCenter(List<String> features, Map<String, Object> settings) {
        return cloudAdmin().body(Map.of("name", "cc-" + UUID.randomUUID(), "features", features, "settings", settings))
                .when().post("/api/v2/contact-centers")
                .then().statusCode(200).body("statusCode", equalTo(0))
                .extract().path("id");
    }

    static String contactCenter() {
        return contactCenter(List.of("api-voice", "api-multimedia", "api-supervisor-monitoring", "api-provisioning-read",
                "api-provisioning-write"), Map.of());
    }

    /** A user created by {@code creator} (with {@code contactCenterId} when the creator is the cloud admin). */
    static Account user(RequestSpecification creator, String contactCenterId, String... roles) {
        String userName = "user-" + UUID.randomUUID() + "@test.example";
        String password = "Pw-" + UUID.randomUUID();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("userName", userName, "password", password,
                "firstName", "Test", "lastName", "User", "roles", List.of(roles)));
        if (contactCenterId != null) {
            body.put("contactCenterId", contactCenterId);
        }
        String id = creator.body(body).when().post("/api/v2/users").then().statusCode(200).extract().path("id");
        return new Account(id, userName, password);
    }

    static Account adminOf(String contactCenterId) {
        return user(cloudAdmin(), contactCenterId, "ROLE_ADMIN");
    }
}
