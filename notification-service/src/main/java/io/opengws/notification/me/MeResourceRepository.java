package io.opengws.notification.me;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.hibernate.Session;

import io.opengws.common.events.EventJson;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MeResourceRepository implements PanacheRepositoryBase<MeResourceRow, MeResourceRow.Key> {

    /** One user's resource as a notification left it: stored with its body, forgotten without. */
    public record Latest(String userId, MeProjection.Change change, Instant at) {

        public MeResourceRow.Key key() {
            return new MeResourceRow.Key(userId, change.kind(), change.resourceId());
        }
    }

    private static final String UPSERT = "INSERT INTO me_resource (user_id, kind, resource_id, body, updated_at) VALUES (?, ?, ?, ?, ?) "
            + "ON CONFLICT (user_id, kind, resource_id) DO UPDATE SET body = EXCLUDED.body, updated_at = EXCLUDED.updated_at"
            // Most notifications repeat the resource as it was (each chat message carries its chat): no new row version.
            + " WHERE me_resource.body IS DISTINCT FROM EXCLUDED.body";
    private static final String DELETE = "DELETE FROM me_resource WHERE user_id = ? AND kind = ? AND resource_id = ?";

    /**
     * Writes the latest state of each resource in two statement batches: the projection follows every
     * notification, so it must cost a round trip per batch of notifications, not several per notification.
     */
    public void applyAll(Collection<Latest> changes) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT); PreparedStatement delete = connection.prepareStatement(DELETE)) {
                for (Latest latest : changes) {
                    MeProjection.Change change = latest.change();
                    PreparedStatement statement = change.body() == null ? delete : upsert;
                    statement.setString(1, latest.userId());
                    statement.setString(2, change.kind());
                    statement.setString(3, change.resourceId());
                    if (change.body() != null) {
                        statement.setString(4, EventJson.write(change.body()));
                        statement.setObject(5, latest.at().atOffset(ZoneOffset.UTC));
                    }
                    statement.addBatch();
                }
                upsert.executeBatch();
                delete.executeBatch();
            }
        });
    }

    public List<MeResourceRow> of(String userId, String kind) {
        return list("userId = ?1 and kind = ?2 order by updatedAt", userId, kind);
    }
}
