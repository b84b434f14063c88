package io.opengws.voice.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class LegRepository implements PanacheRepositoryBase<LegRow, String> {

    public List<LegRow> ofDevices(List<String> deviceIds) {
        return deviceIds.isEmpty() ? List.of() : list("deviceId in ?1 order by id", deviceIds);
    }

    /**
     * The rows of these legs that exist, by id: those this transaction already holds without a query, the others in
     * one query (Hibernate's multi-load).
     */
    public Map<String, LegRow> byIds(List<String> legIds) {
        Map<String, LegRow> rows = new HashMap<>();
        if (legIds.isEmpty()) {
            return rows;
        }
        for (LegRow row : getEntityManager().unwrap(Session.class).byMultipleIds(LegRow.class).multiLoad(legIds)) {
            if (row != null) {
                rows.put(row.id, row);
            }
        }
        return rows;
    }

    /** The ids of a device's live legs (whose calls a change then locks and reads). */
    public List<String> idsOfDevice(String deviceId) {
        return getEntityManager().createQuery("select l.id from LegRow l where l.deviceId = :device order by l.id", String.class)
                .setParameter("device", deviceId).getResultList();
    }
}
