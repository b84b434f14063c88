package io.opengws.common.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionRevocationsTest {

    private static final Instant ENDED = Instant.parse("2025-03-14T10:00:00Z");

    private final SessionRevocations revocations = new SessionRevocations();

    private static SessionToken issuedAt(String userId, Instant issuedAt) {
        return new SessionToken(userId, "cc-1", "S-" + issuedAt.toEpochMilli(), issuedAt, issuedAt.plusSeconds(1800));
    }

    @Test
    void nothingIsRevokedForAUserWhoseSessionNeverEnded() {
        assertThat(revocations.isRevoked(issuedAt("alice", ENDED))).isFalse();
    }

    @ParameterizedTest(name = "issued {0} ms after the end: revoked {1}")
    @CsvSource({"-60000, true", "-1, true", "0, true", "1, false", "60000, false"})
    void aTokenIssuedBeforeOrAtTheEndIsRevokedAndOneIssuedAfterIsNot(long issuedAfterEndMillis, boolean revoked) {
        revocations.ended("alice", ENDED);

        assertThat(revocations.isRevoked(issuedAt("alice", ENDED.plusMillis(issuedAfterEndMillis)))).isEqualTo(revoked);
    }

    @Test
    void aLaterEndWinsOverAnEarlierOne() {
        revocations.ended("alice", ENDED);
        revocations.ended("alice", ENDED.plusSeconds(60));

        assertThat(revocations.isRevoked(issuedAt("alice", ENDED.plusSeconds(30)))).isTrue();
    }

    @Test
    void anEarlierEndArrivingLateDoesNotUndoALaterOne() {
        revocations.ended("alice", ENDED.plusSeconds(60));
        revocations.ended("alice", ENDED);

        assertThat(revocations.isRevoked(issuedAt("alice", ENDED.plusSeconds(30)))).isTrue();
    }

    @Test
    void anotherUsersEndDoesNotRevokeThisUsersToken() {
        revocations.ended("bob", ENDED);

        assertThat(revocations.isRevoked(issuedAt("alice", ENDED.minusSeconds(60)))).isFalse();
        assertThat(revocations.isRevoked(issuedAt("bob", ENDED.minusSeconds(60)))).isTrue();
    }
}
