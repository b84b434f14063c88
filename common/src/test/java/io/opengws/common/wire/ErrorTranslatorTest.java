package io.opengws.common.wire;

import static io.opengws.common.wire.WireAssertions.assertClientSafe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every failure is produced for real, by Jackson parsing a body, and then translated. */
class ErrorTranslatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    enum Mode {
        AllCalls, NextCall
    }

    record Target(String id) {
    }

    record Monitor(String operationName, int count, Mode mode, Target target, List<Integer> values, boolean mute) {
    }

    /** A body type that checks its own required parameter, as a resource's request record would. */
    record Named(String name) {
        Named {
            if (name == null) {
                throw GwsException.missingParameter("name");
            }
        }
    }

    record Fussy(String name) {
        Fussy {
            throw new IllegalArgumentException("secret detail of Fussy");
        }
    }

    /** Parses {@code json} as {@code type} and answers what Jackson threw. */
    static Throwable failureOf(String json, Class<?> type) {
        try {
            MAPPER.readValue(json, type);
        } catch (Exception failure) {
            return failure;
        }
        throw new AssertionError("Jackson accepted " + json + " as " + type.getSimpleName());
    }

    static GwsException translated(String json, Class<?> type, Class<? extends Throwable> expectedJacksonFailure) {
        Throwable failure = failureOf(json, type);
        assertThat(failure).isInstanceOf(expectedJacksonFailure);
        GwsException translated = ErrorTranslator.translate(failure);
        assertClientSafe(translated.getMessage());
        return translated;
    }

    // --- malformed JSON -------------------------------------------------------------------------------------

    @Test
    void malformedJsonAnswersStatusCode10WithHttp400AndSaysWhere() {
        GwsException translated = translated("{\"operationName\": ListenIn}", Monitor.class, JsonParseException.class);

        assertThat(translated.statusCode()).isEqualTo(StatusCode.VALIDATION_ERROR);
        assertThat(translated.httpStatus()).isEqualTo(400);
        assertThat(translated.getMessage())
                .startsWith("The request body is not valid JSON")
                .containsPattern("\\(line 1, column \\d+\\)");
    }

    @Test
    void malformedJsonOnALaterLineNamesThatLine() {
        GwsException translated = translated("{\n  \"count\": 1,\n  oops\n}", Monitor.class, JsonParseException.class);

        assertThat(translated.statusCode()).isEqualTo(StatusCode.VALIDATION_ERROR);
        assertThat(translated.getMessage()).contains("(line 3, column ");
    }

    @Test
    void truncatedJsonAnswersStatusCode10WithHttp400() {
        GwsException translated = translated("{\"operationName\":\"ListenIn\"", Monitor.class, JsonParseException.class);

        assertThat(translated.statusCode()).isEqualTo(StatusCode.VALIDATION_ERROR);
        assertThat(translated.httpStatus()).isEqualTo(400);
        assertThat(translated.getMessage()).startsWith("The request body is not valid JSON");
    }

    // --- wrong types ----------------------------------------------------------------------------------------

    @Test
    void aStringWhereANumberIsExpectedAnswersStatusCode2NamingTheParameter() {
        GwsException translated = translated("{\"count\":\"many\"}", Monitor.class, InvalidFormatException.class);

        assertThat(translated.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(translated.httpStatus()).isEqualTo(400);
        assertThat(translated.getMessage()).isEqualTo("The parameter 'count' must be a number.");
    }

    @Test
    void anObjectWhereANumberIsExpectedAnswersStatusCode2NamingTheParameter() {
        GwsException translated = translated("{\"count\":{\"n\":1}}", Monitor.class, MismatchedInputException.class);

        assertThat(translated.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(translated.httpStatus()).isEqualTo(400);
        assertThat(translated.getMessage()).isEqualTo("The parameter 'count' must be a number.");
    }

    @Test
    void anArrayWhereAStringIsExpectedAnswersStatusCode2NamingTheParameter() {
        GwsException translated = translated("{\"operationName\":[\"ListenIn\"]}", Monitor.class, MismatchedInputException.class);

        assertThat(translated.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(translated.getMessage()).isEqualTo("The parameter 'operationName' must be a string.");
    }

    @Test
    void aWordWhereABooleanIsExpectedAnswersStatusCode2SayingTrueOrFalse() {
        GwsException translated = translated("{\"mute\":\"maybe\"}", Monitor.class, MismatchedInputException.class);

        assertThat(translated.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(translated.getMessage()).isEqualTo("The parameter 'mute' must be true or false.");
    }

    @Test
    void aStringWhereAnObjectIsExpectedAnswersStatusCode2SayingAnObject() {
        GwsException translated = translated("{\"target\":\"device-1\"}", Monitor.class, MismatchedInputException.class);

        assertThat(translated.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(translated.getMessage()).isEqualTo("The parameter 'target' must be an object.");
    }

    @Test
    void aWrongTypeInsideANestedObjectNamesTheDottedPath() {
        GwsException translated = translated("{\"target\":{\"id\":{\"x\":1}}}", Monitor.class, MismatchedInputException.class);

        assertThat(translated.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(translated.getMessage()).isEqualTo("The parameter 'target.id' must be a string.");
    }

    @Test
    void aWrongTypeInsideAnArrayNamesTheElementIndex() {
        GwsException translated = translated("{\"values\":[1,\"two\"]}", Monitor.class, InvalidFormatException.class);

        assertThat(translated.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(translated.getMessage()).isEqualTo("The parameter 'values[1]' must be a number.");
    }

    @Test
    void anUnknownParameterAnswersStatusCode2NamingIt() {
        GwsException translated = translated("{\"bogus\":1}", Monitor.class, UnrecognizedPropertyException.class);

        assertThat(translated.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(translated.httpStatus()).isEqualTo(400);
        assertThat(translated.getMessage()).isEqualTo("The parameter 'bogus' is not known here.");
    }

    // --- enums ----------------------------------------------------------------------------------------------

    @Test
    void anUnknownEnumValueAnswersStatusCode2ListingTheAllowedValues() {
        GwsException translated = translated("{\"mode\":\"Sometimes\"}", Monitor.class, InvalidFormatException.class);

        assertThat(translated.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(translated.httpStatus()).isEqualTo(400);
        assertThat(translated.getMessage())
                .isEqualTo("The value 'Sometimes' is not allowed for 'mode'; use one of: AllCalls, NextCall.");
    }

    @Test
    void anEnumValueInTheWrongCaseIsNotAllowed() {
        GwsException translated = translated("{\"mode\":\"allcalls\"}", Monitor.class, InvalidFormatException.class);

        assertThat(translated.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(translated.getMessage()).contains("'allcalls'", "use one of: AllCalls, NextCall");
    }

    // --- body shape -----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "body \"{0}\" answers statusCode 1")
    @ValueSource(strings = {"", "   ", "\n"})
    void anEmptyBodyAnswersStatusCode1(String body) {
        GwsException translated = translated(body, Monitor.class, MismatchedInputException.class);

        assertThat(translated.statusCode()).isEqualTo(StatusCode.MISSING_PARAMETER);
        assertThat(translated.httpStatus()).isEqualTo(400);
        assertThat(translated.getMessage()).contains("missing");
    }

    @ParameterizedTest(name = "body {0} answers statusCode 10")
    @ValueSource(strings = {"[]", "[{\"operationName\":\"ListenIn\"}]", "42", "true"})
    void aBodyThatIsNotAJsonObjectAnswersStatusCode10(String body) {
        GwsException translated = translated(body, Monitor.class, MismatchedInputException.class);

        assertThat(translated.statusCode()).isEqualTo(StatusCode.VALIDATION_ERROR);
        assertThat(translated.httpStatus()).isEqualTo(400);
        assertThat(translated.getMessage()).isEqualTo("The request body must be a JSON object.");
    }

    @ParameterizedTest(name = "OperationRequest from {0} answers statusCode 10")
    @ValueSource(strings = {"[1,2]", "\"ListenIn\"", "7"})
    void aGwsExceptionThrownByACreatorIsAnsweredAsItIs(String body) {
        Throwable failure = failureOf(body, OperationRequest.class);
        assertThat(failure).isInstanceOf(ValueInstantiationException.class).hasCauseInstanceOf(GwsException.class);

        GwsException translated = ErrorTranslator.translate(failure);

        assertThat(translated).isSameAs(failure.getCause());
        assertThat(translated.statusCode()).isEqualTo(StatusCode.VALIDATION_ERROR);
        assertThat(translated.httpStatus()).isEqualTo(400);
        assertThat(translated.getMessage()).isEqualTo("The request body must be a JSON object.");
    }

    @Test
    void aMissingParameterACreatorRefusesAnswersExactlyStatusCode1() {
        GwsException translated = translated("{}", Named.class, ValueInstantiationException.class);

        assertThat(translated.statusCode()).isEqualTo(StatusCode.MISSING_PARAMETER);
        assertThat(translated.httpStatus()).isEqualTo(400);
        assertThat(translated.getMessage()).isEqualTo("The required parameter 'name' is missing.");
    }

    @Test
    void aCreatorFailingWithAnotherExceptionAnswersStatusCode10WithoutItsText() {
        GwsException translated = translated("{\"name\":\"x\"}", Fussy.class, ValueInstantiationException.class);

        assertThat(translated.statusCode()).isEqualTo(StatusCode.VALIDATION_ERROR);
        assertThat(translated.httpStatus()).isEqualTo(400);
        assertThat(translated.getMessage()).doesNotContain("secret", "Fussy");
    }

    // --- HTTP layer -----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "HTTP {0} from the HTTP layer answers HTTP {1} statusCode {2}")
    @CsvSource({
            "400, 400, 2",
            "401, 401, 20",
            "403, 403, 3",
            "404, 404, 6",
            "405, 400, 2",
            "406, 400, 10",
            "413, 413, 10",
            "415, 400, 10",
            "429, 400, 2",
            "500, 500, 4",
            "502, 500, 4",
    })
    void anHttpLayerStatusBecomesTheGwsError(int raised, int httpStatus, int statusCode) {
        GwsException translated = ErrorTranslator.fromHttpStatus(raised);

        assertThat(translated.httpStatus()).isEqualTo(httpStatus);
        assertThat(translated.statusCode().code()).isEqualTo(statusCode);
        assertClientSafe(translated.getMessage());
    }

    @Test
    void anOversizeBodyNamesTheLimit() {
        assertThat(ErrorTranslator.fromHttpStatus(413).getMessage()).contains(String.valueOf(WireLimits.MAX_BODY_BYTES));
    }

    @Test
    void aWebApplicationExceptionIsTranslatedByItsStatus() {
        assertThat(ErrorTranslator.translate(new NotFoundException()).statusCode()).isEqualTo(StatusCode.NOT_FOUND);
        assertThat(ErrorTranslator.translate(new NotSupportedException()).statusCode()).isEqualTo(StatusCode.VALIDATION_ERROR);
    }

    // --- back ends and the unexpected -----------------------------------------------------------------------

    @Test
    void aGwsExceptionIsAnsweredUnchanged() {
        GwsException failure = GwsException.notPermitted("Only a supervisor may listen in.");

        assertThat(ErrorTranslator.translate(failure)).isSameAs(failure);
    }

    @Test
    void anUnreachableDatabaseAnswersHttp503WithStatusCode4() {
        RuntimeException failure = new RuntimeException("Unable to acquire JDBC Connection",
                new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms"));

        GwsException translated = ErrorTranslator.translate(failure);

        assertThat(translated.httpStatus()).isEqualTo(503);
        assertThat(translated.statusCode()).isEqualTo(StatusCode.INTERNAL_ERROR);
        assertThat(translated.getMessage()).doesNotContain("JDBC", "5000ms");
        assertClientSafe(translated.getMessage());
    }

    @Test
    void aConnectionRefusedDeepInTheCauseChainAnswersHttp503() {
        RuntimeException failure = new IllegalStateException("outer",
                new RuntimeException("middle", new ConnectException("Connection refused")));

        GwsException translated = ErrorTranslator.translate(failure);

        assertThat(translated.httpStatus()).isEqualTo(503);
        assertThat(translated.statusCode()).isEqualTo(StatusCode.INTERNAL_ERROR);
    }

    @Test
    void anSqlConnectionStateClass08AnswersHttp503() {
        GwsException translated = ErrorTranslator.translate(new RuntimeException(new SQLException("refused", "08001")));

        assertThat(translated.httpStatus()).isEqualTo(503);
    }

    @Test
    void anSqlErrorThatIsNotAboutTheConnectionAnswersHttp500() {
        GwsException translated = ErrorTranslator.translate(new RuntimeException(new SQLException("duplicate key", "23505")));

        assertThat(translated.httpStatus()).isEqualTo(500);
        assertThat(translated.statusCode()).isEqualTo(StatusCode.INTERNAL_ERROR);
    }

    @Test
    void anUnexpectedExceptionAnswersHttp500WithStatusCode4AndNoneOfItsText() {
        IllegalStateException failure = new IllegalStateException("secret: cache of contact center cc-17 is corrupt");

        GwsException translated = ErrorTranslator.translate(failure);

        assertThat(translated.httpStatus()).isEqualTo(500);
        assertThat(translated.statusCode()).isEqualTo(StatusCode.INTERNAL_ERROR);
        assertThat(translated.getMessage()).doesNotContain("secret", "cc-17", "IllegalState");
        assertClientSafe(translated.getMessage());
    }

    @Test
    void aCyclicCauseChainIsTranslatedWithoutLoopingForever() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        GwsException translated = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ErrorTranslator.translate(first));

        assertThat(translated.httpStatus()).isEqualTo(500);
        assertThat(translated.statusCode()).isEqualTo(StatusCode.INTERNAL_ERROR);
    }

    @Test
    void aCyclicChainOfJacksonFailuresIsTranslatedWithoutRecursingForever() {
        JsonMappingException first = new JsonMappingException(null, "first");
        JsonMappingException second = new JsonMappingException(null, "second", first);
        first.initCause(second);

        GwsException translated = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ErrorTranslator.translate(first));

        assertThat(translated.statusCode()).isEqualTo(StatusCode.VALIDATION_ERROR);
        assertThat(translated.httpStatus()).isEqualTo(400);
    }

    @Test
    void theStackTracePatternCatchesWhatItMustSoTheChecksAboveCanFail() {
        assertThat("at io.opengws.Foo.bar(Foo.java:12)").containsPattern(WireAssertions.STACK_TRACE);
        assertThat("Caused by: boom").containsPattern(WireAssertions.STACK_TRACE);
        assertThat("failed with IllegalStateException").containsPattern(WireAssertions.STACK_TRACE);
        assertThat("see Foo.kt:3").containsPattern(WireAssertions.STACK_TRACE);
        assertThatNoException().isThrownBy(() -> WireAssertions.assertClientSafe("The parameter 'count' must be a number."));
    }
}
