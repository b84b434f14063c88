package io.opengws.voice.repository;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MonitoringSubscriptionRepository implements PanacheRepositoryBase<MonitoringSubscription, String> {

    /** Every supervisor monitoring this agent device, oldest first. */
    public List<MonitoringSubscription> targeting(String deviceId) {
        return list("targetDeviceId = ?1 order by createdAt", deviceId);
    }

    public List<MonitoringSubscription> ofSupervisor(String userId) {
        return list("supervisorUserId = ?1", userId);
    }
}
