package io.opengws.common.identity;

import static io.opengws.common.identity.TestPasswords.OTHER;
import static io.opengws.common.identity.TestPasswords.SECRET;
import static io.opengws.common.identity.TestPasswords.SECRET_HASH;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.events.UserRecord;
import io.opengws.common.wire.GwsConfig;

class CallerAuthenticatorTest {

    private static final String KEY = "unit-test-signing-key";
    private static final String ALICE = "a11ce000000000000000000000000001";
    private static final String SAM = "5a5a0000000000000000000000000002";
    private static final String DORA = "d0ea0000000000000000000000000003";

    private final DirectoryReplica directory = new DirectoryReplica();
    private final SessionRevocations revocations = new SessionRevocations();
    private final CallerAuthenticator authenticator = new CallerAuthenticator(directory, revocations, config(KEY, Duration.ofMinutes(30)));

    CallerAuthenticatorTest() {
        directory.put(user(ALICE, "alice@acme.example", List.of("ROLE_AGENT"), true));
        directory.put(user(SAM, "sam@acme.example", List.of("agent", "supervisor", "janitor"), true));
        directory.put(user(DORA, "dora@acme.example", List.of("ROLE_AGENT"), false));
    }

    static GwsConfig config(String signingKey, Duration sessionTimeout) {
        return new GwsConfig() {
            @Override
            public String publicOrigin() {
                return "http://localhost:8080";
            }

            @Override
            public Session session() {
                return new Session() {
                    @Override
                    public String signingKey() {
                        return signingKey;
                    }

                    @Override
                    public Duration timeout() {
                        return sessionTimeout;
                    }

                    @Override
                    public Duration credentialCacheTtl() {
                        return Duration.ofSeconds(60);
                    }
                };
            }

            @Override
            public Outbox outbox() {
                throw new UnsupportedOperationException("not used here");
            }

            @Override
            public Multimedia multimedia() {
                throw new UnsupportedOperationException("not used here");
            }
        };
    }

    private static UserRecord user(String id, String userName, List<String> roles, boolean enabled) {
        return new UserRecord(id, "cc-1", userName, SECRET_HASH, "First", "Last", null, roles, enabled,
                Instant.parse("2025-01-01T00:00:00Z"));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static Caller callerOf(String userId) {
        return new Caller(userId, "ignored", "cc-1", Set.of(Role.ROLE_AGENT), null);
    }

    private String sessionCookie(String userId, String sessionId) {
        return CallerAuthenticator.SESSION_COOKIE + "=" + authenticator.issueSession(callerOf(userId), sessionId);
    }

    // --- HTTP Basic ------------------------------------------------------------------------------------------

    @Test
    void basicWithTheRightPasswordAuthenticatesTheUserWithoutASession() {
        Optional<Caller> caller = authenticator.authenticate(basic("alice@acme.example:" + SECRET), null);

        assertThat(caller).contains(new Caller(ALICE, "alice@acme.example", "cc-1", Set.of(Role.ROLE_AGENT), null));
    }

    @Test
    void theBasicSchemeNameIgnoresCase() {
        String header = "basic " + basic("alice@acme.example:" + SECRET).substring("Basic ".length());

        assertThat(authenticator.authenticate(header, null)).map(Caller::userId).contains(ALICE);
    }

    @Test
    void basicWithAWrongPasswordIsRefused() {
        assertThat(authenticator.authenticate(basic("alice@acme.example:" + OTHER), null)).isEmpty();
    }

    @Test
    void basicForAnUnknownUserIsRefused() {
        assertThat(authenticator.authenticate(basic("mallory@acme.example:" + SECRET), null)).isEmpty();
    }

    @Test
    void basicForADisabledUserIsRefusedEvenWithTheRightPassword() {
        assertThat(authenticator.authenticate(basic("dora@acme.example:" + SECRET), null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.def", "Basic", "Basic ", "Basic !!!not-base64!!!", "Digest username=\"alice\""})
    void aMalformedAuthorizationHeaderIsRefused(String header) {
        assertThat(authenticator.authenticate(header, null)).isEmpty();
    }

    @Test
    void basicCredentialsWithoutAColonAreRefused() {
        assertThat(authenticator.authenticate(basic("alice@acme.example" + SECRET), null)).isEmpty();
    }

    @Test
    void aBasicPasswordLongerThanBcryptAcceptsIsRefusedNotAnError() {
        assertThat(authenticator.authenticate(basic("alice@acme.example:" + "x".repeat(100)), null)).isEmpty();
    }

    @Test
    void rolesAreMappedFromTheirNamesAndUnknownNamesAreDropped() {
        Optional<Caller> caller = authenticator.authenticate(basic("sam@acme.example:" + SECRET), null);

        assertThat(caller).map(Caller::roles).contains(Set.of(Role.ROLE_AGENT, Role.ROLE_SUPERVISOR));
    }

    // --- JSESSIONID ------------------------------------------------------------------------------------------

    @Test
    void anIssuedSessionCookieAuthenticatesAlone() {
        Optional<Caller> caller = authenticator.authenticate(null, sessionCookie(ALICE, "SESSION1"));

        assertThat(caller).contains(new Caller(ALICE, "alice@acme.example", "cc-1", Set.of(Role.ROLE_AGENT), "SESSION1"));
    }

    @Test
    void aSessionCookieAmongOtherCookiesAuthenticates() {
        String cookies = "theme=dark; " + sessionCookie(ALICE, "SESSION1") + "; lang=en";

        assertThat(authenticator.authenticate(null, cookies)).map(Caller::sessionId).contains("SESSION1");
    }

    @Test
    void anotherServiceWithTheSameKeyAcceptsTheCookie() {
        CallerAuthenticator elsewhere = new CallerAuthenticator(directory, revocations, config(KEY, Duration.ofMinutes(30)));

        assertThat(elsewhere.authenticate(null, sessionCookie(ALICE, "SESSION1"))).map(Caller::userId).contains(ALICE);
    }

    @Test
    void aCookieSignedWithAnotherKeyIsRefused() {
        CallerAuthenticator foreign = new CallerAuthenticator(directory, revocations, config("another-key", Duration.ofMinutes(30)));
        String cookie = CallerAuthenticator.SESSION_COOKIE + "=" + foreign.issueSession(callerOf(ALICE), "SESSION1");

        assertThat(authenticator.authenticate(null, cookie)).isEmpty();
    }

    @Test
    void anExpiredCookieIsRefused() {
        CallerAuthenticator instantExpiry = new CallerAuthenticator(directory, revocations, config(KEY, Duration.ZERO));
        String cookie = CallerAuthenticator.SESSION_COOKIE + "=" + instantExpiry.issueSession(callerOf(ALICE), "SESSION1");

        assertThat(authenticator.authenticate(null, cookie)).isEmpty();
    }

    @Test
    void theCookieOfAnEndedSessionIsRefused() {
        String cookie = sessionCookie(ALICE, "SESSION1");
        revocations.ended(ALICE, Instant.now());

        assertThat(authenticator.authenticate(null, cookie)).isEmpty();
    }

    @Test
    void aCookieIssuedAfterTheLastSessionEndedIsAccepted() {
        revocations.ended(ALICE, Instant.now().minusSeconds(60));

        assertThat(authenticator.authenticate(null, sessionCookie(ALICE, "SESSION2"))).map(Caller::sessionId).contains("SESSION2");
    }

    @Test
    void theCookieOfADisabledUserIsRefused() {
        assertThat(authenticator.authenticate(null, sessionCookie(DORA, "SESSION1"))).isEmpty();
    }

    @Test
    void theCookieOfAUserNoLongerInTheDirectoryIsRefused() {
        String cookie = sessionCookie(ALICE, "SESSION1");
        directory.removeUser(ALICE);

        assertThat(authenticator.authenticate(null, cookie)).isEmpty();
    }

    @Test
    void aForgedCookieIsRefused() {
        assertThat(authenticator.authenticate(null, "JSESSIONID=bm90LWEtdG9rZW4.c2lnbmF0dXJl")).isEmpty();
    }

    // --- both ------------------------------------------------------------------------------------------------

    @Test
    void basicWithTheUsersOwnCookieCarriesItsSession() {
        Optional<Caller> caller = authenticator.authenticate(basic("alice@acme.example:" + SECRET), sessionCookie(ALICE, "SESSION1"));

        assertThat(caller).map(Caller::sessionId).contains("SESSION1");
    }

    @Test
    void basicWithAnotherUsersCookieIsTheBasicUserWithNoSession() {
        Optional<Caller> caller = authenticator.authenticate(basic("alice@acme.example:" + SECRET), sessionCookie(SAM, "SAMS-SESSION"));

        assertThat(caller).map(Caller::userId).contains(ALICE);
        assertThat(caller).map(Caller::sessionId).isEmpty();
    }

    @Test
    void wrongBasicCredentialsAreRefusedEvenWithAValidCookie() {
        assertThat(authenticator.authenticate(basic("alice@acme.example:" + OTHER), sessionCookie(ALICE, "SESSION1"))).isEmpty();
    }

    @Test
    void theCsrfTokenIsTheSameInEveryServiceSharingTheKey() {
        CallerAuthenticator elsewhere = new CallerAuthenticator(directory, revocations, config(KEY, Duration.ofMinutes(30)));

        assertThat(elsewhere.csrfToken("SESSION1")).isEqualTo(authenticator.csrfToken("SESSION1"))
                .isNotEqualTo(authenticator.csrfToken("SESSION2"));
    }

    // --- the Cookie header -----------------------------------------------------------------------------------

    @Test
    void cookieValueFindsTheNamedCookieAmongSeveral() {
        assertThat(CallerAuthenticator.cookieValue("a=1; JSESSIONID=abc.def; b=2", "JSESSIONID")).contains("abc.def");
    }

    @Test
    void cookieValueUnquotesAQuotedValue() {
        assertThat(CallerAuthenticator.cookieValue("JSESSIONID=\"abc.def\"", "JSESSIONID")).contains("abc.def");
    }

    @Test
    void cookieValueDoesNotTakeACookieWhoseNameOnlyEndsWithTheName() {
        assertThat(CallerAuthenticator.cookieValue("XJSESSIONID=abc; JSESSIONIDX=def", "JSESSIONID")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=1; b=2", "", "JSESSIONID=", "JSESSIONID"})
    void cookieValueIsEmptyWhenTheCookieIsMissingOrEmpty(String cookies) {
        assertThat(CallerAuthenticator.cookieValue(cookies, "JSESSIONID")).isEmpty();
    }

    @Test
    void cookieValueOfNoCookieHeaderIsEmpty() {
        assertThat(CallerAuthenticator.cookieValue(null, "JSESSIONID")).isEmpty();
    }
}
