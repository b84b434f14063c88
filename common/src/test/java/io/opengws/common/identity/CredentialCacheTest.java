package io.opengws.common.identity;

import static io.opengws.common.identity.TestPasswords.OTHER;
import static io.opengws.common.identity.TestPasswords.OTHER_HASH;
import static io.opengws.common.identity.TestPasswords.SECRET;
import static io.opengws.common.identity.TestPasswords.SECRET_HASH;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CredentialCacheTest {

    private static final Duration TTL = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-14T09:00:00Z"));

    /** With real bcrypt. */
    private final CredentialCache cache = new CredentialCache(TTL, clock);

    private final AtomicInteger bcryptRuns = new AtomicInteger();

    /**
     * With a stand-in for bcrypt that counts its runs, which the cache exists to save: a cache is invisible
     * in its answers (it only ever repeats what bcrypt said), so its TTL shows only in how often bcrypt runs.
     * "h(pw)" is the hash of pw.
     */
    private final CredentialCache counted = new CredentialCache(TTL, clock, (password, hash) -> {
        bcryptRuns.incrementAndGet();
        return hash.equals("h(" + password + ")");
    });

    // --- answers, with real bcrypt hashes --------------------------------------------------------------------

    @Test
    void theRightPasswordVerifies() {
        assertThat(cache.verify("alice", SECRET, SECRET_HASH)).isTrue();
    }

    @Test
    void aWrongPasswordNeverVerifies() {
        assertThat(cache.verify("alice", OTHER, SECRET_HASH)).isFalse();
    }

    @Test
    void aWrongPasswordDoesNotVerifyEvenWhileTheRightOneIsCached() {
        cache.verify("alice", SECRET, SECRET_HASH);

        assertThat(cache.verify("alice", OTHER, SECRET_HASH)).isFalse();
    }

    @Test
    void aPasswordChangeTakesEffectAtOnceEvenWhileTheOldPasswordIsCached() {
        assertThat(cache.verify("alice", SECRET, SECRET_HASH)).isTrue();

        // The user's hash is now the one of OTHER: the old password no longer counts, the new one does.
        assertThat(cache.verify("alice", SECRET, OTHER_HASH)).isFalse();
        assertThat(cache.verify("alice", OTHER, OTHER_HASH)).isTrue();
    }

    // --- how often bcrypt runs -------------------------------------------------------------------------------

    @Test
    void withinTheTtlAVerifiedPasswordIsNotCheckedAgain() {
        assertThat(counted.verify("alice", "pw", "h(pw)")).isTrue();
        clock.advance(TTL.minusMillis(1));

        assertThat(counted.verify("alice", "pw", "h(pw)")).isTrue();
        assertThat(bcryptRuns).hasValue(1);
    }

    @Test
    void anEntryInUseStaysTrustedPastItsFirstTtl() {
        counted.verify("alice", "pw", "h(pw)");
        for (int request = 0; request < 10; request++) {
            clock.advance(TTL.dividedBy(2).plusMillis(1));
            assertThat(counted.verify("alice", "pw", "h(pw)")).isTrue();
        }

        assertThat(bcryptRuns).hasValue(1);
    }

    @Test
    void aPasswordChangeTakesEffectAtOnceForAnEntryInUse() {
        counted.verify("alice", "pw", "h(pw)");
        clock.advance(TTL.dividedBy(2).plusMillis(1));
        counted.verify("alice", "pw", "h(pw)");

        assertThat(counted.verify("alice", "pw", "h(new)")).isFalse();
        assertThat(bcryptRuns).hasValue(2);
    }

    @Test
    void atTheEndOfTheTtlWithoutUseThePasswordIsCheckedAgain() {
        counted.verify("alice", "pw", "h(pw)");
        clock.advance(TTL);

        assertThat(counted.verify("alice", "pw", "h(pw)")).isTrue();
        assertThat(bcryptRuns).hasValue(2);
    }

    @Test
    void aRecheckedEntryIsTrustedForAnotherTtl() {
        counted.verify("alice", "pw", "h(pw)");
        clock.advance(TTL);
        counted.verify("alice", "pw", "h(pw)");
        clock.advance(TTL.minusMillis(1));

        assertThat(counted.verify("alice", "pw", "h(pw)")).isTrue();
        assertThat(bcryptRuns).hasValue(2);
    }

    @Test
    void aFailedCheckIsNeverCached() {
        assertThat(counted.verify("alice", "wrong", "h(pw)")).isFalse();
        assertThat(counted.verify("alice", "wrong", "h(pw)")).isFalse();

        assertThat(bcryptRuns).hasValue(2);
    }

    @Test
    void anEntryIsPerUserName() {
        counted.verify("alice", "pw", "h(pw)");

        assertThat(counted.verify("bob", "pw", "h(pw)")).isTrue();
        assertThat(bcryptRuns).hasValue(2);
    }

    // --- concurrent logins -------------------------------------------------------------------------------------

    @Test
    void requestsArrivingWhileTheSameCredentialsAreCheckedWaitForThatCheck() throws Exception {
        java.util.concurrent.CountDownLatch checking = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        CredentialCache slow = new CredentialCache(TTL, clock, (password, hash) -> {
            bcryptRuns.incrementAndGet();
            checking.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return hash.equals("h(" + password + ")");
        });
        java.util.concurrent.ExecutorService desktop = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.Future<Boolean> first = desktop.submit(() -> slow.verify("alice", "pw", "h(pw)"));
            checking.await();
            List<java.util.concurrent.Future<Boolean>> others = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                others.add(desktop.submit(() -> slow.verify("alice", "pw", "h(pw)")));
            }
            Thread.sleep(100); // the others are waiting, not checking
            release.countDown();

            assertThat(first.get()).isTrue();
            for (java.util.concurrent.Future<Boolean> other : others) {
                assertThat(other.get()).isTrue();
            }
            assertThat(bcryptRuns.get()).isEqualTo(1);
        } finally {
            desktop.shutdownNow();
        }
    }

    @Test
    void aWrongPasswordCheckedAtTheSameTimeAsTheRightOneIsStillRefused() throws Exception {
        java.util.concurrent.ExecutorService desktop = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Boolean> right = desktop.submit(() -> cache.verify("alice", SECRET, SECRET_HASH));
            java.util.concurrent.Future<Boolean> wrong = desktop.submit(() -> cache.verify("alice", OTHER, SECRET_HASH));

            assertThat(right.get()).isTrue();
            assertThat(wrong.get()).isFalse();
        } finally {
            desktop.shutdownNow();
        }
    }
}
