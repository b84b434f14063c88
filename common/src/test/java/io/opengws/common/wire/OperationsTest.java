package io.opengws.common.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class OperationsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Device(String id) {
    }

    private final List<String> calls = new ArrayList<>();

    private final Operations<Device> operations = Operations.<Device>of("device")
            .on("ListenIn", (device, request) -> {
                calls.add("ListenIn " + device.id());
                return "listening to " + device.id();
            })
            .on("Coach", (device, request) -> {
                calls.add("Coach " + device.id() + " " + request.requiredString("targetDeviceUri"));
                return GwsStatus.ok();
            })
            .build();

    static OperationRequest request(String json) {
        try {
            return MAPPER.readValue(json, OperationRequest.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a request: " + json, e);
        }
    }

    @Test
    void dispatchRunsTheNamedHandlerWithTheTargetAndAnswersItsResult() {
        Object answer = operations.dispatch(new Device("d-1"), request("{\"operationName\":\"ListenIn\"}"));

        assertThat(answer).isEqualTo("listening to d-1");
        assertThat(calls).containsExactly("ListenIn d-1");
    }

    @Test
    void dispatchPassesTheRequestToTheHandler() {
        Object answer = operations.dispatch(new Device("d-2"),
                request("{\"operationName\":\"Coach\",\"targetDeviceUri\":\"http://x/api/v2/devices/d-9\"}"));

        assertThat(answer).isEqualTo(GwsStatus.ok());
        assertThat(calls).containsExactly("Coach d-2 http://x/api/v2/devices/d-9");
    }

    @Test
    void anUnknownOperationNameAnswersStatusCode2ListingTheSupportedOperations() {
        GwsException refusal = catchThrowableOfType(GwsException.class,
                () -> operations.dispatch(new Device("d-1"), request("{\"operationName\":\"BargeOut\"}")));

        assertThat(refusal.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(refusal.httpStatus()).isEqualTo(400);
        assertThat(refusal.getMessage())
                .isEqualTo("The operation 'BargeOut' is not supported on a device; supported operations: ListenIn, Coach.");
        WireAssertions.assertClientSafe(refusal.getMessage());
        assertThat(calls).isEmpty();
    }

    @Test
    void operationNamesAreCaseSensitive() {
        GwsException refusal = catchThrowableOfType(GwsException.class,
                () -> operations.dispatch(new Device("d-1"), request("{\"operationName\":\"listenin\"}")));

        assertThat(refusal.statusCode()).isEqualTo(StatusCode.INVALID_PARAMETER);
        assertThat(calls).isEmpty();
    }

    @Test
    void aMissingOperationNameAnswersStatusCode1() {
        GwsException refusal = catchThrowableOfType(GwsException.class,
                () -> operations.dispatch(new Device("d-1"), request("{\"targetDeviceUri\":\"x\"}")));

        assertThat(refusal.statusCode()).isEqualTo(StatusCode.MISSING_PARAMETER);
        assertThat(refusal.getMessage()).contains("'operationName'");
        assertThat(calls).isEmpty();
    }

    @Test
    void aNullRequestAnswersStatusCode1() throws Exception {
        // A JSON null body reaches the resource as a null OperationRequest.
        OperationRequest fromNullBody = MAPPER.readValue("null", OperationRequest.class);
        assertThat(fromNullBody).isNull();

        GwsException refusal = catchThrowableOfType(GwsException.class, () -> operations.dispatch(new Device("d-1"), fromNullBody));

        assertThat(refusal.statusCode()).isEqualTo(StatusCode.MISSING_PARAMETER);
        assertThat(refusal.httpStatus()).isEqualTo(400);
        assertThat(refusal.getMessage()).isEqualTo("The required parameter 'operationName' is missing.");
    }

    @Test
    void registeringTheSameOperationTwiceFails() {
        Operations.Builder<Device> builder = Operations.<Device>of("device").on("ListenIn", (device, request) -> null);

        assertThatIllegalStateException()
                .isThrownBy(() -> builder.on("ListenIn", (device, request) -> null))
                .withMessageContaining("ListenIn")
                .withMessageContaining("device");
    }

    @Test
    void namesListTheOperationsInRegistrationOrderAndCannotBeChanged() {
        assertThat(operations.names()).containsExactly("ListenIn", "Coach");
        assertThatThrownBy(() -> operations.names().add("BargeIn")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anOperationAddedToTheBuilderAfterBuildIsNotInTheBuiltTable() {
        Operations.Builder<Device> builder = Operations.<Device>of("call").on("Answer", (call, request) -> null);
        Operations<Device> built = builder.build();

        builder.on("Hangup", (call, request) -> null);

        assertThat(built.names()).containsExactly("Answer");
    }
}
