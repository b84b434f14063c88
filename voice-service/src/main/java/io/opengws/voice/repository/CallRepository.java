package io.opengws.voice.repository;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class CallRepository implements PanacheRepositoryBase<CallRow, String> {

    /** The ids of the calls waiting at the routing point, first come first (the router then locks and reads each). */
    public List<String> queuedIds(String contactCenterId) {
        return getEntityManager().createQuery("select c.id from CallRow c where c.contactCenterId = :cc and c.queuedAt is not null"
                + " order by c.queuedAt, c.id", String.class).setParameter("cc", contactCenterId).getResultList();
    }

    /** The contact centers with calls waiting at the routing point (the routing sweep). */
    public List<String> contactCentersWithQueuedCalls() {
        return getEntityManager().createQuery("select distinct c.contactCenterId from CallRow c where c.queuedAt is not null", String.class)
                .getResultList();
    }

    public Optional<CallRow> byId(String id) {
        return findByIdOptional(id);
    }

    /**
     * A call to change, its row locked until the transaction ends: changes to one call follow one another, while
     * changes to other calls go on beside them.
     */
    public Optional<CallRow> lockedById(String id) {
        return Optional.ofNullable(getEntityManager().find(CallRow.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The call a leg is on, as committed now (a read: nothing is locked). */
    public Optional<CallRow> byLeg(String legId) {
        return ofLeg(legId, LockModeType.NONE);
    }

    /**
     * The call a leg is on, locked as {@link #lockedById} does, in one query: every call operation comes by a leg,
     * and a lookup of the leg's call, then a lock of that call, was two round trips. The leg may move to another
     * call before the lock is granted (a transfer that held both): the caller checks the call still has it.
     */
    public Optional<CallRow> lockedByLeg(String legId) {
        return ofLeg(legId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Nothing this transaction wrote is flushed first: the leg index is written only at its end. */
    private Optional<CallRow> ofLeg(String legId, LockModeType lock) {
        return getEntityManager().createQuery("select c from CallRow c where c.id = (select l.callId from LegRow l where l.id = :leg)",
                        CallRow.class)
                .setParameter("leg", legId)
                .setLockMode(lock)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultStream().findFirst();
    }
}
