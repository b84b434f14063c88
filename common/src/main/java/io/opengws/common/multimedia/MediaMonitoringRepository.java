package io.opengws.common.multimedia;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MediaMonitoringRepository implements PanacheRepositoryBase<MediaMonitoring, MediaMonitoring.Key> {

    public List<MediaMonitoring> targeting(String agentId) {
        return list("agentId = ?1 order by createdAt", agentId);
    }

    public List<MediaMonitoring> bySupervisor(String supervisorId) {
        return list("supervisorId = ?1 order by createdAt", supervisorId);
    }
}
