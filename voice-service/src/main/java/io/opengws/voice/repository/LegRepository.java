package io.opengws.voice.repository;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class LegRepository implements PanacheRepositoryBase<LegRow, String> {

    public List<LegRow> ofDevices(List<String> deviceIds) {
        return deviceIds.isEmpty() ? List.of() : list("deviceId in ?1 order by id", deviceIds);
    }

    /** The ids of a device's live legs (whose calls a change then locks and reads). */
    public List<String> idsOfDevice(String deviceId) {
        return getEntityManager().createQuery("select l.id from LegRow l where l.deviceId = :device order by l.id", String.class)
                .setParameter("device", deviceId).getResultList();
    }
}
