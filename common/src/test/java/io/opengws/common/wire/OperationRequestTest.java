package io.opengws.common.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OperationRequestTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    enum Mode {
        AllCalls, NextCall
    }

    static OperationRequest request(String json) {
        try {
            return MAPPER.readValue(json, OperationRequest.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a request: " + json, e);
        }
    }

    static GwsException refusal(ThrowingCallable call) {
        GwsException refusal = catchThrowableOfType(GwsException.class, call);
        assertThat(refusal).as("a GwsException").isNotNull();
        WireAssertions.assertClientSafe(refusal.getMessage());
        return refusal;
    }

    // --- operationName --------------------------------------------------------------------------------------

    @Test
    void theOperationNameIsRead() {
        assertThat(request("{\"operationName\":\"ListenIn\"}").operationName()).isEqualTo("ListenIn");
    }

    @ParameterizedTest(name = "{0} answers statusCode 1")
    @ValueSource(strings = {"{}", "{\"operationName\":null}", "{\"operationName\":\"\"}", "{\"operationName\":\"   \"}"})
    void aMissingOrBlankOperationNameAnswersStatusCode1(String body) {
        GwsException refusal = refusal(() -> request(body).operationName());

        assertThat(refusal.statusCode()).isEqualTo(StatusCode.MISSING_PARAMETER);
        assertThat(refusal.httpStatus()).isEqualTo(400);
        assertThat(refusal.getMessage()).isEqualTo("The required parameter 'operationName' is missing.");
    }

    @Test
    void aNumberWhereAStringIsExpectedAnswersStatusCode2NamingTheParameter() {
        GwsException refusal = refusal(() -> request("{\"operationName\":42}").operationName());

        assertThat(refusal.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(refusal.httpStatus()).isEqualTo(400);
        assertThat(refusal.getMessage()).isEqualTo("The parameter 'operationName' must be a string.");
    }

    // --- strings --------------------------------------------------------------------------------------------

    @Test
    void userDataKeepsStringsAndNumbersInTheOrderSent() {
        OperationRequest request = request("{\"userData\":{\"b\":\"two\",\"a\":1,\"c\":2.5}}");

        assertThat(request.optionalUserData("userData")).contains(new java.util.LinkedHashMap<>(java.util.Map.of("b", "two", "a", 1L, "c", 2.5)));
        assertThat(request.optionalUserData("userData").orElseThrow().keySet()).containsExactly("b", "a", "c");
    }

    @Test
    void userDataWithANestedValueAnswersStatusCode2NamingTheKey() {
        GwsException refusal = refusal(() -> request("{\"userData\":{\"order\":{\"id\":7}}}").optionalUserData("userData"));

        assertThat(refusal.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(refusal.getMessage()).isEqualTo("The userData value of 'order' must be a string or a number.");
    }

    @Test
    void aBlankStringCountsAsAbsent() {
        OperationRequest request = request("{\"nickname\":\"  \",\"phoneNumber\":\"\"}");

        assertThat(request.optionalString("nickname")).isEmpty();
        assertThat(refusal(() -> request.requiredString("phoneNumber")).statusCode()).isEqualTo(StatusCode.MISSING_PARAMETER);
    }

    @Test
    void aStringIsReturnedAsSent() {
        assertThat(request("{\"nickname\":\" Sup \"}").optionalString("nickname")).contains(" Sup ");
    }

    @Test
    void anObjectWhereAStringIsExpectedAnswersStatusCode2() {
        GwsException refusal = refusal(() -> request("{\"nickname\":{}}").requiredString("nickname"));

        assertThat(refusal.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(refusal.getMessage()).contains("'nickname'");
    }

    // --- numbers and booleans -------------------------------------------------------------------------------

    @Test
    void aWholeNumberIsRead() {
        assertThat(request("{\"index\":7}").optionalInt("index")).contains(7);
        assertThat(request("{}").optionalInt("index")).isEmpty();
    }

    @ParameterizedTest(name = "index {0} answers statusCode 2")
    @ValueSource(strings = {"\"7\"", "7.5", "3000000000", "true", "[7]"})
    void aValueThatIsNotAWholeIntNumberAnswersStatusCode2(String value) {
        GwsException refusal = refusal(() -> request("{\"index\":" + value + "}").optionalInt("index"));

        assertThat(refusal.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(refusal.getMessage()).isEqualTo("The parameter 'index' must be a whole number.");
    }

    @Test
    void aBooleanIsRead() {
        assertThat(request("{\"saveLAR\":false}").optionalBoolean("saveLAR")).contains(false);
        assertThat(request("{\"saveLAR\":true}").optionalBoolean("saveLAR")).contains(true);
    }

    @Test
    void aStringWhereABooleanIsExpectedAnswersStatusCode2() {
        GwsException refusal = refusal(() -> request("{\"saveLAR\":\"true\"}").optionalBoolean("saveLAR"));

        assertThat(refusal.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(refusal.getMessage()).isEqualTo("The parameter 'saveLAR' must be true or false.");
    }

    // --- enums ----------------------------------------------------------------------------------------------

    @Test
    void anEnumValueIsReadByItsWireName() {
        assertThat(request("{\"mode\":\"NextCall\"}").optionalEnum("mode", Mode.class)).contains(Mode.NextCall);
        assertThat(request("{\"mode\":\"AllCalls\"}").requiredEnum("mode", Mode.class)).isEqualTo(Mode.AllCalls);
    }

    @Test
    void anAbsentOptionalEnumIsEmpty() {
        assertThat(request("{\"mode\":null}").optionalEnum("mode", Mode.class)).isEmpty();
    }

    @ParameterizedTest(name = "mode \"{0}\" answers statusCode 2")
    @ValueSource(strings = {"Sometimes", "allcalls", "ALLCALLS"})
    void anUnknownEnumValueAnswersStatusCode2ListingTheAllowedValues(String value) {
        GwsException refusal = refusal(() -> request("{\"mode\":\"" + value + "\"}").optionalEnum("mode", Mode.class));

        assertThat(refusal.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(refusal.httpStatus()).isEqualTo(400);
        assertThat(refusal.getMessage())
                .isEqualTo("The value '" + value + "' is not allowed for 'mode'; use one of: AllCalls, NextCall.");
    }

    @Test
    void aMissingRequiredEnumAnswersStatusCode1NamingIt() {
        GwsException refusal = refusal(() -> request("{\"operationName\":\"ListenIn\"}").requiredEnum("mode", Mode.class));

        assertThat(refusal.statusCode()).isEqualTo(StatusCode.MISSING_PARAMETER);
        assertThat(refusal.getMessage()).isEqualTo("The required parameter 'mode' is missing.");
    }

    @Test
    void aBlankRequiredEnumAnswersStatusCode1() {
        assertThat(refusal(() -> request("{\"mode\":\" \"}").requiredEnum("mode", Mode.class)).statusCode())
                .isEqualTo(StatusCode.MISSING_PARAMETER);
    }

    // --- objects --------------------------------------------------------------------------------------------

    @Test
    void optionalObjectReturnsACopyTheCallerMayChange() {
        OperationRequest request = request("{\"userData\":{\"key\":\"value\",\"nested\":{\"a\":1}}}");

        ObjectNode userData = request.optionalObject("userData").orElseThrow();
        userData.put("key", "changed");
        ((ObjectNode) userData.get("nested")).put("a", 2);
        userData.put("added", true);

        ObjectNode again = request.optionalObject("userData").orElseThrow();
        assertThat(again.get("key").asText()).isEqualTo("value");
        assertThat(again.get("nested").get("a").asInt()).isEqualTo(1);
        assertThat(again.has("added")).isFalse();
    }

    @Test
    void anArrayWhereAnObjectIsExpectedAnswersStatusCode2() {
        GwsException refusal = refusal(() -> request("{\"userData\":[1]}").optionalObject("userData"));

        assertThat(refusal.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(refusal.getMessage()).isEqualTo("The parameter 'userData' must be an object.");
    }

    @Test
    void anAbsentObjectIsEmpty() {
        assertThat(request("{}").optionalObject("userData")).isEqualTo(Optional.empty());
    }

    @Test
    void bodyReturnsACopyTheCallerMayChange() {
        OperationRequest request = request("{\"operationName\":\"Dial\"}");

        request.body().put("operationName", "Hangup");

        assertThat(request.operationName()).isEqualTo("Dial");
        assertThat(request.body().get("operationName").asText()).isEqualTo("Dial");
    }

    @Test
    void hasTellsAPresentParameterFromAnAbsentOrNullOne() {
        OperationRequest request = request("{\"a\":1,\"b\":null}");

        assertThat(request.has("a")).isTrue();
        assertThat(request.has("b")).isFalse();
        assertThat(request.has("c")).isFalse();
    }

    // --- the body itself ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "body {0} answers statusCode 10")
    @ValueSource(strings = {"[]", "[{\"operationName\":\"Dial\"}]", "\"Dial\"", "42", "true"})
    void aBodyThatIsNotAnObjectIsRefusedWithStatusCode10(String body) throws Exception {
        GwsException refusal = refusal(() -> OperationRequest.of(MAPPER.readTree(body)));

        assertThat(refusal.statusCode()).isEqualTo(StatusCode.VALIDATION_ERROR);
        assertThat(refusal.httpStatus()).isEqualTo(400);
        assertThat(refusal.getMessage()).isEqualTo("The request body must be a JSON object.");
    }

    @Test
    void aNullBodyAnswersStatusCode1() throws Exception {
        for (var body : new com.fasterxml.jackson.databind.JsonNode[] {null, MAPPER.readTree("null"), MAPPER.missingNode()}) {
            GwsException refusal = refusal(() -> OperationRequest.of(body));

            assertThat(refusal.statusCode()).as("body %s", body).isEqualTo(StatusCode.MISSING_PARAMETER);
            assertThat(refusal.getMessage()).isEqualTo("The required parameter 'operationName' is missing.");
        }
    }
}
