package io.opengws.voice.repository;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class LegRepository implements PanacheRepositoryBase<LegRow, String> {

    public List<LegRow> ofDevice(String deviceId) {
        return list("deviceId = ?1", deviceId);
    }

    public List<LegRow> ofDevices(List<String> deviceIds) {
        return deviceIds.isEmpty() ? List.of() : list("deviceId in ?1 order by id", deviceIds);
    }

    public List<LegRow> ofCall(String callId) {
        return list("callId = ?1", callId);
    }
}
