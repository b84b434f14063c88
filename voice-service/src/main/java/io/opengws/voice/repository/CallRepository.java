package io.opengws.voice.repository;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The routing queue's queries; calls themselves are read and written by {@link CallTable}. */
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
}
