package io.opengws.common.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusCodeTest {

    /**
     * CONTRACT.md section 2, "HTTP status": 200 for 0 and 7; 400 for 1, 2, 10, 11; 401 for 20; 403 for 3, 5,
     * 18; 404 for 6; 409 for 19; 500 for 4. Names follow gws-api-reference.md 1.4.
     */
    @ParameterizedTest(name = "statusCode {0} ({1}) answers HTTP {2}")
    @CsvSource({
            "0,  SUCCESS,            200",
            "7,  PARTIAL_SUCCESS,    200",
            "1,  MISSING_PARAMETER,  400",
            "2,  INVALID_PARAMETER,  400",
            "10, VALIDATION_ERROR,   400",
            "11, READ_ONLY_PROPERTY, 400",
            "20, NOT_AUTHENTICATED,  401",
            "3,  FORBIDDEN,          403",
            "5,  NOT_PERMITTED,      403",
            "18, ALREADY_EXISTS,     403",
            "6,  NOT_FOUND,          404",
            "19, IN_USE,             409",
            "4,  INTERNAL_ERROR,     500",
    })
    void eachStatusCodeTheContractPairsAnswersTheContractsHttpStatus(int code, String name, int httpStatus) {
        StatusCode statusCode = StatusCode.of(code);

        assertThat(statusCode.name()).isEqualTo(name);
        assertThat(statusCode.code()).isEqualTo(code);
        assertThat(statusCode.httpStatus()).isEqualTo(httpStatus);
        assertThat(new GwsException(statusCode, "message").httpStatus()).isEqualTo(httpStatus);
    }

    /**
     * The contract is silent on 8, 9 and 12 to 17 (GWS documents no HTTP status for them); these rows pin the
     * choice StatusCode.java documents, so a change to it is deliberate.
     */
    @ParameterizedTest(name = "statusCode {0} ({1}) answers HTTP {2} (project decision)")
    @CsvSource({
            "8,  PASSWORD_CHANGE_REQUIRED, 403",
            "9,  PROCESSING_INCOMPLETE,    202",
            "12, UNABLE_TO_RETRIEVE,       500",
            "13, UNABLE_TO_CREATE,         500",
            "14, UNABLE_TO_DELETE,         500",
            "15, UNABLE_TO_UPDATE,         500",
            "16, UNABLE_TO_ASSIGN,         500",
            "17, UNABLE_TO_UNASSIGN,       500",
    })
    void statusCodesTheContractLeavesOpenAnswerTheDocumentedChoice(int code, String name, int httpStatus) {
        StatusCode statusCode = StatusCode.of(code);

        assertThat(statusCode.name()).isEqualTo(name);
        assertThat(statusCode.httpStatus()).isEqualTo(httpStatus);
    }

    @Test
    void theTwoTablesAboveCoverEveryStatusCodeSoNoRowIsUnchecked() {
        // 13 contract rows + 8 project rows: together exactly the 21 constants.
        assertThat(StatusCode.values()).hasSize(13 + 8);
    }

    @Test
    void codesRunFrom0To20WithoutGapsOrDuplicates() {
        int[] codes = Arrays.stream(StatusCode.values()).mapToInt(StatusCode::code).sorted().toArray();

        assertThat(codes).containsExactly(IntStream.rangeClosed(0, 20).toArray());
    }

    @Test
    void ofReturnsTheConstantForEveryCode() {
        for (StatusCode statusCode : StatusCode.values()) {
            assertThat(StatusCode.of(statusCode.code())).isSameAs(statusCode);
        }
    }

    @ParameterizedTest(name = "StatusCode.of({0}) is refused")
    @ValueSource(ints = {-1, 21, 100, Integer.MAX_VALUE})
    void ofRejectsACodeGwsDoesNotDefine(int code) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StatusCode.of(code))
                .withMessageContaining(String.valueOf(code));
    }

    @Test
    void onlySuccessAndPartialSuccessAnswerHttp200() {
        assertThat(Arrays.stream(StatusCode.values()).filter(statusCode -> statusCode.httpStatus() == 200))
                .containsExactlyInAnyOrder(StatusCode.SUCCESS, StatusCode.PARTIAL_SUCCESS);
    }
}
