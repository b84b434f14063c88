package io.opengws.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * CONTRACT.md section 2 inside a running service: every kind of bad input gets a GWS error body with the
 * contract's HTTP status, never a 5xx or a stack trace, and changes nothing.
 */
@QuarkusTest
class WireConventionsTest {

    /** The acceptance suite's test for a stack trace or an exception name in a body. */
    private static final String NO_STACK_TRACE = "(?s)(?!.*(\\bat [\\w$.<>]+\\([\\w$]+\\.(java|kt):\\d+\\)|\\.(java|kt):\\d+|Caused by:|\\b\\w+Exception\\b)).*";

    private int acceptedBefore;

    @BeforeEach
    void rememberAccepted() {
        acceptedBefore = WireConventionsProbeResource.ACCEPTED.get();
    }

    @AfterEach
    void nothingChanged() {
        assertEquals(acceptedBefore, WireConventionsProbeResource.ACCEPTED.get(), "bad input must change nothing");
    }

    @Test
    void malformedJsonAnswersStatusCode10WithHttp400() {
        expectError(post("/operations", "{\"operationName\": \"Count\", "), 400, 10)
                .body("statusMessage", containsString("not valid JSON"));
    }

    @Test
    void aMissingOperationNameAnswersStatusCode1() {
        expectError(post("/operations", "{\"reason\":\"x\"}"), 400, 1)
                .body("statusMessage", containsString("operationName"));
    }

    @Test
    void anEmptyBodyAnswersStatusCode1() {
        expectError(post("/operations", ""), 400, 1);
    }

    @Test
    void anUnknownOperationNameAnswersStatusCode2NamingTheSupportedOnes() {
        expectError(post("/operations", "{\"operationName\":\"Teleport\"}"), 400, 2)
                .body("statusMessage", containsString("Count, Fail"));
    }

    @Test
    void aMissingRequiredParameterAnswersStatusCode1() {
        expectError(post("/operations", "{\"operationName\":\"Count\"}"), 400, 1)
                .body("statusMessage", containsString("reason"));
    }

    @Test
    void aParameterOfTheWrongTypeAnswersStatusCode2() {
        expectError(post("/operations", "{\"operationName\":\"Count\",\"reason\":42}"), 400, 2)
                .body("statusMessage", containsString("reason"));
        expectError(post("/typed", "{\"count\":\"many\"}"), 400, 2)
                .body("statusMessage", containsString("count"));
    }

    @Test
    void anUnknownEnumValueAnswersStatusCode2ListingTheAllowedValues() {
        expectError(post("/operations", "{\"operationName\":\"Count\",\"reason\":\"x\",\"mode\":\"Sometimes\"}"), 400, 2)
                .body("statusMessage", containsString("NextCall, AllCalls"));
        expectError(post("/typed", "{\"mode\":\"Sometimes\"}"), 400, 2)
                .body("statusMessage", containsString("NextCall, AllCalls"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        expectError(post("/operations", "[1,2]"), 400, 10);
        expectError(post("/typed", "\"text\""), 400, 10);
    }

    @Test
    void anOversizeBodyAnswers413WithStatusCode10() {
        String big = "{\"operationName\":\"Count\",\"reason\":\"" + "x".repeat(70 * 1024) + "\"}";
        expectError(post("/operations", big), 413, 10);
    }

    @Test
    void anOversizeChunkedBodyAnswers413WithStatusCode10() {
        byte[] big = ("{\"operationName\":\"Count\",\"reason\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes();
        ValidatableResponse response = authenticated().contentType("application/json")
                .body(new ByteArrayInputStream(big)) // a stream: sent chunked, with no Content-Length
                .when().post("/api/v2/wire-probe/operations").then();
        expectError(response, 413, 10);
    }

    @Test
    void anUnknownPathAnswersAGws404() {
        expectError(authenticated().when().get("/api/v2/wire-probe/nothing/here").then(), 404, 6);
        expectError(authenticated().when().get("/not-the-api").then(), 404, 6);
    }

    @Test
    void aMethodTheResourceDoesNotServeAnswersStatusCode2() {
        expectError(authenticated().when().delete("/api/v2/wire-probe/operations").then(), 400, 2);
    }

    @Test
    void anUnexpectedFailureAnswersStatusCode4WithoutItsDetails() {
        expectError(post("/operations", "{\"operationName\":\"Fail\"}"), 500, 4)
                .body("statusMessage", not(containsString("internal detail")));
    }

    @Test
    void aValidOperationIsAcceptedAndCounted() {
        post("/operations", "{\"operationName\":\"Count\",\"reason\":\"test\",\"mode\":\"AllCalls\"}")
                .statusCode(200).body("statusCode", equalTo(0));
        assertEquals(acceptedBefore + 1, WireConventionsProbeResource.ACCEPTED.get());
        acceptedBefore++;
    }

    /** As the bootstrapped cloud admin: these tests are about bad input, not about authentication. */
    private static io.restassured.specification.RequestSpecification authenticated() {
        return given().auth().preemptive().basic("admin", "admin");
    }

    private static ValidatableResponse post(String path, String body) {
        return authenticated().contentType("application/json").body(body).when().post("/api/v2/wire-probe" + path).then();
    }

    private static ValidatableResponse expectError(ValidatableResponse response, int httpStatus, int statusCode) {
        return response.log().ifValidationFails().statusCode(httpStatus)
                .contentType(containsString("application/json"))
                .body("statusCode", equalTo(statusCode))
                .body("statusMessage", not(equalTo("")))
                .body(matchesPattern(NO_STACK_TRACE));
    }
}
