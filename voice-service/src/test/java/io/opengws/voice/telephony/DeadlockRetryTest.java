package io.opengws.voice.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.opengws.voice.device.Device;
import io.opengws.voice.device.DeviceRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A transaction PostgreSQL ends for a deadlock runs again, whole: what the failed attempt wrote is rolled back
 * (the retry sits outside {@code @Transactional}); any other failure is not retried.
 */
@QuarkusTest
class DeadlockRetryTest {

    @Inject
    FailingWork work;

    @Inject
    DeviceRepository devices;

    @Test
    void aDeadlockedTransactionIsRolledBackAndRunAgain() {
        String center = "cc-" + UUID.randomUUID().toString().substring(0, 8);

        work.writeDevice(center, 2, "40P01");

        assertEquals(3, work.attempts(center));
        assertEquals(1, countDevices(center), "only the attempt that committed left its device");
    }

    @Test
    void aDeadlockEveryTimeGivesUpAfterTheLastAttempt() {
        String center = "cc-" + UUID.randomUUID().toString().substring(0, 8);

        assertThrows(IllegalStateException.class, () -> work.writeDevice(center, 99, "40P01"));

        assertEquals(DeadlockRetryInterceptor.ATTEMPTS, work.attempts(center));
        assertEquals(0, countDevices(center));
    }

    @Test
    void otherFailuresAreNotRetried() {
        String center = "cc-" + UUID.randomUUID().toString().substring(0, 8);

        assertThrows(IllegalStateException.class, () -> work.writeDevice(center, 1, "23505"));

        assertEquals(1, work.attempts(center));
    }

    @Test
    void aDeadlockIsRecognisedAnywhereAmongTheCauses() {
        assertTrue(DeadlockRetryInterceptor.isDeadlock(new RuntimeException(new IllegalStateException(new SQLException("x", "40P01")))));
        assertTrue(DeadlockRetryInterceptor.isDeadlock(new SQLException("x", "40001")));
        assertFalse(DeadlockRetryInterceptor.isDeadlock(new RuntimeException(new SQLException("x", "23505"))));
        assertFalse(DeadlockRetryInterceptor.isDeadlock(new RuntimeException("no SQL at all")));
    }

    private long countDevices(String center) {
        return QuarkusTransaction.requiringNew().call(() -> devices.count("contactCenterId", center));
    }

    /** Writes a device, then fails with the given SQL state for its first {@code failures} attempts. */
    @ApplicationScoped
    @RetriedOnDeadlock
    public static class FailingWork {

        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        @Inject
        DeviceRepository devices;

        @Transactional
        public void writeDevice(String center, int failures, String sqlState) {
            int attempt = attempts.computeIfAbsent(center, key -> new AtomicInteger()).incrementAndGet();
            Device device = new Device();
            device.id = UUID.randomUUID().toString();
            device.contactCenterId = center;
            device.phoneNumber = "9" + attempt;
            device.createdAt = Instant.now();
            device.updatedAt = device.createdAt;
            devices.persist(device);
            devices.flush();
            if (attempt <= failures) {
                throw new IllegalStateException("attempt " + attempt, new SQLException("simulated", sqlState));
            }
        }

        int attempts(String center) {
            return attempts.get(center).get();
        }
    }
}
