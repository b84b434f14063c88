package io.opengws.common.wire;

import static io.opengws.common.wire.WireAssertions.assertClientSafe;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The responses the mappers build. Jakarta REST's RuntimeDelegate comes from quarkus-rest on the classpath,
 * so {@code Response.status(...).build()} and the standard WebApplicationExceptions work in a plain test.
 */
class GwsExceptionMappersTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final GwsExceptionMappers mappers = new GwsExceptionMappers();

    enum Mode {
        AllCalls, NextCall
    }

    record Monitor(String operationName, int count, Mode mode) {
    }

    /** Parses {@code json} as {@code type} and answers what Jackson threw, checked to be of the expected type. */
    static <X extends Throwable> X failureOf(String json, Class<?> type, Class<X> expected) {
        try {
            MAPPER.readValue(json, type);
        } catch (Exception failure) {
            assertThat(failure).isInstanceOf(expected);
            return expected.cast(failure);
        }
        throw new AssertionError("Jackson accepted " + json + " as " + type.getSimpleName());
    }

    /** Checks the response and answers its body. */
    static GwsStatus assertGwsError(Response response, int httpStatus, StatusCode statusCode) {
        assertThat(response.getStatus()).isEqualTo(httpStatus);
        assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getEntity()).isInstanceOf(GwsStatus.class);
        GwsStatus body = (GwsStatus) response.getEntity();
        assertThat(body.statusCode()).isEqualTo(statusCode.code());
        assertClientSafe(body.statusMessage());
        assertThat(WireAssertions.json(body)).doesNotContainPattern(WireAssertions.STACK_TRACE);
        if (statusCode != StatusCode.NOT_AUTHENTICATED) {
            assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        }
        return body;
    }

    // --- Jackson failures, each through the mapper Quarkus REST would pick for its type ---------------------

    @Test
    void malformedJsonAnswersStatusCode10WithHttp400() {
        JsonParseException failure = failureOf("{\"operationName\": ListenIn}", Monitor.class, JsonParseException.class);

        GwsStatus body = assertGwsError(mappers.jsonParse(failure), 400, StatusCode.VALIDATION_ERROR);

        assertThat(body.statusMessage()).containsPattern("line 1, column \\d+");
    }

    @Test
    void aStringForANumberAnswersStatusCode2WithHttp400NamingTheParameter() {
        InvalidFormatException failure = failureOf("{\"count\":\"many\"}", Monitor.class, InvalidFormatException.class);

        GwsStatus body = assertGwsError(mappers.invalidFormat(failure), 400, StatusCode.INVALID_PARAMETER);

        assertThat(body.statusMessage()).contains("'count'");
    }

    @Test
    void anObjectForANumberAnswersStatusCode2WithHttp400NamingTheParameter() {
        MismatchedInputException failure = failureOf("{\"count\":{}}", Monitor.class, MismatchedInputException.class);

        GwsStatus body = assertGwsError(mappers.mismatchedInput(failure), 400, StatusCode.INVALID_PARAMETER);

        assertThat(body.statusMessage()).contains("'count'", "a number");
    }

    @Test
    void anUnknownEnumValueAnswersStatusCode2WithHttp400ListingTheAllowedValues() {
        InvalidFormatException failure = failureOf("{\"mode\":\"Sometimes\"}", Monitor.class, InvalidFormatException.class);

        GwsStatus body = assertGwsError(mappers.invalidFormat(failure), 400, StatusCode.INVALID_PARAMETER);

        assertThat(body.statusMessage()).contains("'Sometimes'", "'mode'", "AllCalls, NextCall");
    }

    @Test
    void anEmptyBodyAnswersStatusCode1WithHttp400() {
        MismatchedInputException failure = failureOf("", Monitor.class, MismatchedInputException.class);

        assertGwsError(mappers.mismatchedInput(failure), 400, StatusCode.MISSING_PARAMETER);
    }

    @Test
    void aJsonArrayWhereAnObjectIsExpectedAnswersStatusCode10WithHttp400() {
        MismatchedInputException failure = failureOf("[{\"count\":1}]", Monitor.class, MismatchedInputException.class);

        GwsStatus body = assertGwsError(mappers.mismatchedInput(failure), 400, StatusCode.VALIDATION_ERROR);

        assertThat(body.statusMessage()).contains("JSON object");
    }

    @Test
    void aNonObjectOperationRequestAnswersStatusCode10WithHttp400() {
        ValueInstantiationException failure = failureOf("[1,2]", OperationRequest.class, ValueInstantiationException.class);

        GwsStatus body = assertGwsError(mappers.valueInstantiation(failure), 400, StatusCode.VALIDATION_ERROR);

        assertThat(body.statusMessage()).isEqualTo("The request body must be a JSON object.");
    }

    @Test
    void theGeneralJacksonMappersAnswerTheSameAsTheSpecificOnes() {
        InvalidFormatException failure = failureOf("{\"count\":\"many\"}", Monitor.class, InvalidFormatException.class);

        for (Function<InvalidFormatException, Response> mapper : List.<Function<InvalidFormatException, Response>>of(
                mappers::invalidFormat, mappers::mismatchedInput, mappers::jsonMapping, mappers::jsonProcessing,
                mappers::unexpected)) {
            GwsStatus body = assertGwsError(mapper.apply(failure), 400, StatusCode.INVALID_PARAMETER);
            assertThat(body.statusMessage()).isEqualTo("The parameter 'count' must be a number.");
        }
    }

    @Test
    void aJacksonFailureWrappingAParseErrorIsAnsweredAsTheParseError() {
        JsonParseException parse = failureOf("{oops", Monitor.class, JsonParseException.class);
        JsonMappingException wrapper = new JsonMappingException(null, "wrapped", parse);

        assertGwsError(mappers.jsonMapping(wrapper), 400, StatusCode.VALIDATION_ERROR);
    }

    // --- HTTP layer -----------------------------------------------------------------------------------------

    @Test
    void notFoundAnswersHttp404WithStatusCode6() {
        assertGwsError(mappers.webApplication(new NotFoundException()), 404, StatusCode.NOT_FOUND);
    }

    @Test
    void aMethodNotAllowedAnswersHttp400WithStatusCode2() {
        assertGwsError(mappers.webApplication(new NotAllowedException("GET")), 400, StatusCode.INVALID_PARAMETER);
    }

    @Test
    void anUnsupportedMediaTypeAnswersHttp400WithStatusCode10() {
        NotSupportedException failure = new NotSupportedException();
        assertThat(failure.getResponse().getStatus()).isEqualTo(415);

        GwsStatus body = assertGwsError(mappers.webApplication(failure), 400, StatusCode.VALIDATION_ERROR);

        assertThat(body.statusMessage()).contains("application/json");
    }

    @Test
    void notAcceptableAnswersHttp400WithStatusCode10() {
        assertGwsError(mappers.webApplication(new NotAcceptableException()), 400, StatusCode.VALIDATION_ERROR);
    }

    @Test
    void aTooLargeBodyAnswersHttp413WithStatusCode10() {
        GwsStatus body = assertGwsError(mappers.webApplication(new WebApplicationException(413)), 413, StatusCode.VALIDATION_ERROR);

        assertThat(body.statusMessage()).contains("65536");
    }

    @Test
    void notAuthenticatedAnswersHttp401WithStatusCode20AndABasicChallenge() {
        Response response = mappers.webApplication(new NotAuthorizedException("Basic realm=\"other\""));

        assertGwsError(response, 401, StatusCode.NOT_AUTHENTICATED);
        assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"gws\"");
    }

    @Test
    void aGwsNotAuthenticatedAnswerCarriesTheBasicChallengeToo() {
        Response response = GwsExceptionMappers.toResponse(new GwsException(StatusCode.NOT_AUTHENTICATED, "Send credentials."));

        assertGwsError(response, 401, StatusCode.NOT_AUTHENTICATED);
        assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic ");
    }

    @Test
    void forbiddenAnswersHttp403WithStatusCode3() {
        assertGwsError(mappers.webApplication(new ForbiddenException()), 403, StatusCode.FORBIDDEN);
    }

    @Test
    void aServerErrorFromTheHttpLayerAnswersHttp500WithStatusCode4() {
        assertGwsError(mappers.webApplication(new InternalServerErrorException()), 500, StatusCode.INTERNAL_ERROR);
    }

    // --- GwsException and the contract's special cases ------------------------------------------------------

    @Test
    void aGwsExceptionAnswersItsOwnStatusAndMessage() {
        GwsStatus body = assertGwsError(mappers.gws(GwsException.notPermitted("Only a supervisor may listen in.")),
                403, StatusCode.NOT_PERMITTED);

        assertThat(body.statusMessage()).isEqualTo("Only a supervisor may listen in.");
    }

    @Test
    void aFeatureThatIsOffAnswersHttp404WithStatusCode6() {
        GwsStatus body = assertGwsError(mappers.gws(GwsException.featureOff("api-multimedia")), 404, StatusCode.NOT_FOUND);

        assertThat(body.statusMessage()).contains("api-multimedia");
    }

    @Test
    void aResourceInUseAnswersHttp409WithStatusCode19() {
        assertGwsError(mappers.gws(new GwsException(StatusCode.IN_USE, "The device is in use.")), 409, StatusCode.IN_USE);
    }

    @Test
    void theErrorBodyIsWrittenAsStatusCodeAndStatusMessageOnly() throws Exception {
        Response response = mappers.gws(GwsException.missingParameter("targetDeviceUri"));

        assertThat(MAPPER.readTree(WireAssertions.json(response.getEntity())))
                .isEqualTo(MAPPER.readTree("{\"statusCode\":1,\"statusMessage\":\"The required parameter 'targetDeviceUri' is missing.\"}"));
    }

    @Test
    void aSuccessBodyIsWrittenWithoutStatusMessage() {
        assertThat(WireAssertions.json(GwsStatus.ok())).isEqualTo("{\"statusCode\":0}");
    }

    // --- the unexpected, logged -----------------------------------------------------------------------------

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger mappersLogger = Logger.getLogger(GwsExceptionMappers.class.getName());

    @BeforeEach
    void captureLog() {
        mappersLogger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        mappersLogger.removeHandler(capture);
    }

    @Test
    void anUnreachableDatabaseAnswersHttp503WithStatusCode4AndIsLogged() {
        RuntimeException failure = new RuntimeException("Unable to acquire JDBC Connection",
                new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms"));

        GwsStatus body = assertGwsError(mappers.unexpected(failure), 503, StatusCode.INTERNAL_ERROR);

        assertThat(body.statusMessage()).doesNotContain("JDBC", "5000ms");
        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(record.getThrown()).isSameAs(failure);
        });
    }

    @Test
    void anUnexpectedExceptionAnswersHttp500WithStatusCode4WithoutItsTextAndIsLogged() {
        IllegalStateException failure = new IllegalStateException("secret: cache of contact center cc-17 is corrupt");

        GwsStatus body = assertGwsError(mappers.unexpected(failure), 500, StatusCode.INTERNAL_ERROR);

        assertThat(body.statusMessage()).doesNotContain("secret", "cc-17", "IllegalState");
        assertThat(logged).singleElement().satisfies(record -> assertThat(record.getThrown()).isSameAs(failure));
    }

    @Test
    void aClientErrorReachingTheCatchAllMapperIsNotLoggedAsAFailure() {
        assertGwsError(mappers.unexpected(new NotFoundException()), 404, StatusCode.NOT_FOUND);

        assertThat(logged).isEmpty();
    }
}
