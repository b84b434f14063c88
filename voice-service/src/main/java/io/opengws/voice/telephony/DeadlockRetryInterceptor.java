package io.opengws.voice.telephony;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.quarkus.logging.Log;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

/**
 * Runs a {@link RetriedOnDeadlock} method again when PostgreSQL ended its transaction for a deadlock. Its priority
 * puts it outside {@code @Transactional} (whose interceptor is at PLATFORM_BEFORE + 200): each attempt is a
 * transaction of its own, and the one that failed has been rolled back, its notifications with it.
 */
@RetriedOnDeadlock
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class DeadlockRetryInterceptor {

    static final int ATTEMPTS = 5;
    /** deadlock_detected, serialization_failure. */
    private static final Set<String> RETRIED_STATES = Set.of("40P01", "40001");

    @Inject
    TransactionManager transactions;

    @AroundInvoke
    Object retry(InvocationContext invocation) throws Exception {
        if (insideTransaction()) {
            return invocation.proceed();
        }
        for (int attempt = 1;; attempt++) {
            try {
                return invocation.proceed();
            } catch (Exception failure) {
                if (attempt >= ATTEMPTS || !isDeadlock(failure)) {
                    throw failure;
                }
                Log.debugf("%s ended by PostgreSQL (%s); attempt %d of %d", invocation.getMethod().getName(), failure, attempt + 1, ATTEMPTS);
                // Apart by a few random milliseconds, so the two sides do not meet again at once.
                TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextInt(1, 5 * attempt + 1));
            }
        }
    }

    private boolean insideTransaction() throws SystemException {
        return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    }

    /** Whether PostgreSQL's deadlock or serialization failure is among the causes. */
    static boolean isDeadlock(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && RETRIED_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
