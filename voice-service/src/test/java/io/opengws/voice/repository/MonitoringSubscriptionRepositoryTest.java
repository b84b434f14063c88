package io.opengws.voice.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import io.opengws.voice.call.MonitoringMode;
import io.opengws.voice.call.MonitoringScope;
import io.opengws.voice.call.MonitoringType;
import io.opengws.voice.device.Device;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The subscriptions on an agent's device, read with their supervisors' devices in one query (real PostgreSQL). */
@QuarkusTest
class MonitoringSubscriptionRepositoryTest {

    @Inject
    MonitoringSubscriptionRepository subscriptions;

    @Inject
    EntityManager entityManager;

    @Test
    void theSupervisorsOfADeviceComeOldestFirstWithTheirDevicesAlreadyRead() {
        String center = "cc-" + UUID.randomUUID().toString().substring(0, 8);
        String agentDevice = QuarkusTransaction.requiringNew().call(() -> {
            Device agent = device(center, "7001");
            Device first = device(center, "7101");
            Device second = device(center, "7102");
            subscribe(center, first, agent, Instant.now().minusSeconds(60));
            subscribe(center, second, agent, Instant.now());
            // A subscription of a supervisor device that no longer exists: nobody to bring into a call.
            Device gone = device(center, "7103");
            subscribe(center, gone, agent, Instant.now().minusSeconds(30));
            entityManager.flush();
            entityManager.createNativeQuery("DELETE FROM device WHERE id = :id").setParameter("id", gone.id).executeUpdate();
            return agent.id;
        });

        QuarkusTransaction.requiringNew().run(() -> {
            List<MonitoringSubscription> found = subscriptions.targeting(agentDevice);

            assertEquals(List.of("7101", "7102"), found.stream().map(subscription -> subscription.phoneNumber).toList());
            Session session = entityManager.unwrap(Session.class);
            for (MonitoringSubscription subscription : found) {
                // Without a read, the reference would be an uninitialised proxy.
                Device device = session.getReference(Device.class, subscription.supervisorDeviceId);
                assertTrue(Hibernate.isInitialized(device), "the supervisor's device was read by the same query");
            }
        });
    }

    private Device device(String center, String number) {
        Device device = new Device();
        device.id = UUID.randomUUID().toString();
        device.contactCenterId = center;
        device.phoneNumber = number;
        device.createdAt = Instant.now();
        device.updatedAt = device.createdAt;
        entityManager.persist(device);
        return device;
    }

    private void subscribe(String center, Device supervisor, Device agent, Instant at) {
        MonitoringSubscription subscription = new MonitoringSubscription();
        subscription.supervisorDeviceId = supervisor.id;
        subscription.contactCenterId = center;
        subscription.supervisorUserId = "supervisor-" + supervisor.phoneNumber;
        subscription.targetDeviceId = agent.id;
        subscription.targetUserId = "agent";
        subscription.type = MonitoringType.Coach;
        subscription.scope = MonitoringScope.Call;
        subscription.mode = MonitoringMode.AllCalls;
        subscription.phoneNumber = supervisor.phoneNumber;
        subscription.createdAt = at;
        entityManager.persist(subscription);
    }
}
