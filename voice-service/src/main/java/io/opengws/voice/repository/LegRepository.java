package io.opengws.voice.repository;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class LegRepository implements PanacheRepositoryBase<LegRow, String> {

    public List<LegRow> ofDevices(List<String> deviceIds) {
        return deviceIds.isEmpty() ? List.of() : list("deviceId in ?1 order by id", deviceIds);
    }

    /**
     * The rows of these legs that exist, those this transaction already holds without a query, the others in one
     * query (Hibernate's multi-load).
     */
    public List<LegRow> byIds(List<String> legIds) {
        if (legIds.isEmpty()) {
            return List.of();
        }
        List<LegRow> rows = new java.util.ArrayList<>(legIds.size());
        for (LegRow row : getEntityManager().unwrap(org.hibernate.Session.class).byMultipleIds(LegRow.class).multiLoad(legIds)) {
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * The call a live leg is on, as committed now, not as this transaction may have read it before: a change
     * reads it, then locks that call.
     */
    public Optional<String> callIdOf(String legId) {
        return getEntityManager().createQuery("select l.callId from LegRow l where l.id = :id", String.class)
                .setParameter("id", legId).getResultStream().findFirst();
    }

    /** The ids of a device's live legs (whose calls a change then locks and reads). */
    public List<String> idsOfDevice(String deviceId) {
        return getEntityManager().createQuery("select l.id from LegRow l where l.deviceId = :device order by l.id", String.class)
                .setParameter("device", deviceId).getResultList();
    }
}
