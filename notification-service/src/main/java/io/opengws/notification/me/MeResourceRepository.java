package io.opengws.notification.me;

import java.time.Instant;
import java.util.List;

import io.opengws.common.events.EventJson;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MeResourceRepository implements PanacheRepositoryBase<MeResourceRow, MeResourceRow.Key> {

    public void apply(String userId, MeProjection.Change change, Instant at) {
        MeResourceRow.Key key = new MeResourceRow.Key(userId, change.kind(), change.resourceId());
        if (change.body() == null) {
            deleteById(key);
            return;
        }
        MeResourceRow row = findByIdOptional(key).orElseGet(() -> {
            MeResourceRow created = new MeResourceRow();
            created.userId = userId;
            created.kind = change.kind();
            created.resourceId = change.resourceId();
            return created;
        });
        row.body = EventJson.write(change.body());
        row.updatedAt = at;
        persist(row);
    }

    public List<MeResourceRow> of(String userId, String kind) {
        return list("userId = ?1 and kind = ?2 order by updatedAt", userId, kind);
    }
}
