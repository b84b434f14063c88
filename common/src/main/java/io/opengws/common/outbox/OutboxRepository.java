package io.opengws.common.outbox;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEvent> {

    /** The oldest unsent events first: relayed in the order they were written. */
    public List<OutboxEvent> oldest(int limit) {
        return find("order by id").page(0, limit).list();
    }

    public long deleteSent(List<Long> ids) {
        return ids.isEmpty() ? 0 : delete("id in ?1", ids);
    }
}
