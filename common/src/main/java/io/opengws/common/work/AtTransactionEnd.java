package io.opengws.common.work;

import java.util.function.BiConsumer;
import java.util.function.Supplier;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * What a transaction gathers to act on once it has ended, committed or not (remember what it wrote, or forget it):
 * one value per key and transaction, created at its first use.
 */
public final class AtTransactionEnd {

    private AtTransactionEnd() {
    }

    /**
     * The current transaction's value for {@code key}; the first call creates it with {@code create}, and once the
     * transaction has ended {@code outcome} is given the value and whether the transaction committed.
     */
    @SuppressWarnings("unchecked")
    public static <T> T gathered(TransactionSynchronizationRegistry transactions, Object key, Supplier<T> create,
            BiConsumer<T, Boolean> outcome) {
        T value = (T) transactions.getResource(key);
        if (value == null) {
            T created = create.get();
            transactions.putResource(key, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // Nothing: only the outcome matters.
                }

                @Override
                public void afterCompletion(int status) {
                    outcome.accept(created, status == Status.STATUS_COMMITTED);
                }
            });
            value = created;
        }
        return value;
    }
}
