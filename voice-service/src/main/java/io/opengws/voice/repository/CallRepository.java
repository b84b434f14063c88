package io.opengws.voice.repository;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CallRepository implements PanacheRepositoryBase<CallRow, String> {

    /** The calls waiting at the routing point, first come first. */
    public List<CallRow> queue(String contactCenterId) {
        return list("contactCenterId = ?1 and queuedAt is not null order by queuedAt", contactCenterId);
    }

    public Optional<CallRow> byId(String id) {
        return findByIdOptional(id);
    }
}
