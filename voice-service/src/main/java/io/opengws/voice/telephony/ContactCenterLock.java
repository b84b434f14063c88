package io.opengws.voice.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serialises the routing of one contact center (it needs a consistent view of who is free and what waits), with
 * a PostgreSQL advisory lock held until the transaction ends: safe across several replicas of the service.
 */
@ApplicationScoped
public class ContactCenterLock {

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire(String contactCenterId) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "voice:" + contactCenterId)
                .getSingleResult();
    }
}
