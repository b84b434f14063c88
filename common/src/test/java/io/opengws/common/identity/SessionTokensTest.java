package io.opengws.common.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionTokensTest {

    private static final String KEY = "unit-test-signing-key";
    private static final Instant ISSUED = Instant.parse("2025-03-14T09:00:00Z");
    private static final Instant EXPIRES = ISSUED.plus(Duration.ofMinutes(30));
    private static final SessionToken TOKEN = new SessionToken("0123456789abcdef0123456789abcdef", "cc-1",
            "5E55104A11CE0001", ISSUED, EXPIRES);

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SessionTokens tokens = new SessionTokens(KEY);

    /**
     * A value in the documented form, "base64url(fields).base64url(HMAC-SHA256 of the first part)", with
     * any payload: lets a test build a correctly signed value whose content is wrong.
     */
    private static String signed(String payload, String key) {
        return encoded(payload) + "." + signature(encoded(payload), key);
    }

    private static String encoded(String payload) {
        return BASE64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }

    private String signatureOfTheIssuedToken() {
        return tokens.issue(TOKEN).split("\\.")[1];
    }

    private static String signature(String encoded, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return BASE64.encodeToString(mac.doFinal(encoded.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String fields(String... fields) {
        return String.join("|", fields);
    }

    // --- round trip and expiry -------------------------------------------------------------------------------

    @Test
    void anIssuedTokenVerifiesToTheSameFields() {
        assertThat(tokens.verify(tokens.issue(TOKEN), ISSUED)).contains(TOKEN);
    }

    @Test
    void anotherInstanceWithTheSameKeyVerifiesIt() {
        assertThat(new SessionTokens(KEY).verify(tokens.issue(TOKEN), ISSUED.plusSeconds(60))).contains(TOKEN);
    }

    @Test
    void aTokenIsStillValidOneMillisecondBeforeItExpires() {
        assertThat(tokens.verify(tokens.issue(TOKEN), EXPIRES.minusMillis(1))).contains(TOKEN);
    }

    @Test
    void aTokenIsRefusedAtExactlyItsExpiry() {
        assertThat(tokens.verify(tokens.issue(TOKEN), EXPIRES)).isEmpty();
    }

    @Test
    void aTokenIsRefusedAfterItsExpiry() {
        assertThat(tokens.verify(tokens.issue(TOKEN), EXPIRES.plus(Duration.ofDays(1)))).isEmpty();
    }

    // --- forgery ---------------------------------------------------------------------------------------------

    @Test
    void theTestsSignerProducesWhatTheRealOneAccepts() {
        // So that the refusals below are about the content of the value, not about a wrong test signer.
        String value = signed(fields("u-1", "cc-9", "S-1", "1000", "2000"), KEY);

        assertThat(tokens.verify(value, Instant.ofEpochMilli(1500)))
                .contains(new SessionToken("u-1", "cc-9", "S-1", Instant.ofEpochMilli(1000), Instant.ofEpochMilli(2000)));
    }

    @Test
    void anotherUserIdUnderTheOriginalSignatureIsRefused() {
        String forged = encoded(fields("ffffffffffffffffffffffffffffffff", "cc-1", TOKEN.sessionId(),
                Long.toString(ISSUED.toEpochMilli()), Long.toString(EXPIRES.toEpochMilli())));

        assertThat(tokens.verify(forged + "." + signatureOfTheIssuedToken(), ISSUED)).isEmpty();
    }

    @Test
    void aLaterExpiryUnderTheOriginalSignatureIsRefused() {
        String extended = encoded(fields(TOKEN.userId(), "cc-1", TOKEN.sessionId(),
                Long.toString(ISSUED.toEpochMilli()), Long.toString(EXPIRES.plus(Duration.ofDays(365)).toEpochMilli())));

        assertThat(tokens.verify(extended + "." + signatureOfTheIssuedToken(), EXPIRES.plusSeconds(1))).isEmpty();
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String value = tokens.issue(TOKEN);
        int dot = value.indexOf('.');
        char first = value.charAt(dot + 1);
        String tampered = value.substring(0, dot + 1) + (first == 'A' ? 'B' : 'A') + value.substring(dot + 2);

        assertThat(tokens.verify(tampered, ISSUED)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String foreign = new SessionTokens("some-other-key").issue(TOKEN);

        assertThat(tokens.verify(foreign, ISSUED)).isEmpty();
    }

    // --- malformed values: refused, never an exception ----------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "no-dot-at-all", ".c2lnbmF0dXJl", "cGF5bG9hZA.", "a.b.c", "!!!.###", "cGF5bG9hZA.not base64!"})
    void aMalformedValueIsRefused(String value) {
        assertThat(tokens.verify(value, ISSUED)).isEmpty();
    }

    @Test
    void nullIsRefused() {
        assertThat(tokens.verify(null, ISSUED)).isEmpty();
    }

    @Test
    void aCorrectlySignedPayloadWithTooFewFieldsIsRefused() {
        assertThat(tokens.verify(signed(fields("u-1", "cc-1", "S-1", "1000"), KEY), Instant.ofEpochMilli(1500))).isEmpty();
    }

    @Test
    void aCorrectlySignedPayloadWithTooManyFieldsIsRefused() {
        assertThat(tokens.verify(signed(fields("u-1", "cc-1", "S-1", "1000", "2000", "extra"), KEY), Instant.ofEpochMilli(1500)))
                .isEmpty();
    }

    @Test
    void aCorrectlySignedPayloadWithTimesThatAreNotNumbersIsRefused() {
        assertThat(tokens.verify(signed(fields("u-1", "cc-1", "S-1", "yesterday", "tomorrow"), KEY), ISSUED)).isEmpty();
    }

    @Test
    void aCorrectlySignedPayloadThatIsNotBase64IsRefused() {
        String encoded = "not*base64";

        assertThat(tokens.verify(encoded + "." + signature(encoded, KEY), ISSUED)).isEmpty();
    }

    // --- CSRF ------------------------------------------------------------------------------------------------

    @Test
    void theCsrfTokenOfASessionIsTheSameEveryTimeAndInEveryServiceSharingTheKey() {
        String csrf = tokens.csrfToken("S-1");

        assertThat(csrf).isNotBlank();
        assertThat(tokens.csrfToken("S-1")).isEqualTo(csrf);
        assertThat(new SessionTokens(KEY).csrfToken("S-1")).isEqualTo(csrf);
    }

    @Test
    void anotherSessionHasAnotherCsrfToken() {
        assertThat(tokens.csrfToken("S-2")).isNotEqualTo(tokens.csrfToken("S-1"));
    }

    @Test
    void anotherKeyGivesAnotherCsrfToken() {
        assertThat(new SessionTokens("some-other-key").csrfToken("S-1")).isNotEqualTo(tokens.csrfToken("S-1"));
    }
}
