package io.opengws.voice.repository;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MonitoringSubscriptionRepository implements PanacheRepositoryBase<MonitoringSubscription, String> {

    /**
     * Every supervisor monitoring this agent device whose own device exists, oldest first. The supervisors' devices are
     * read by the same query: a supervisor who joins the agent's call needs its device (number, user), which is then in
     * the transaction's persistence context, not one more round trip per supervisor while the call is locked.
     */
    public List<MonitoringSubscription> targeting(String deviceId) {
        return getEntityManager().createQuery("select s, d from MonitoringSubscription s, Device d "
                + "where d.id = s.supervisorDeviceId and s.targetDeviceId = :device order by s.createdAt", Object[].class)
                .setParameter("device", deviceId)
                .getResultStream()
                .map(subscriptionAndDevice -> (MonitoringSubscription) subscriptionAndDevice[0])
                .toList();
    }

    /**
     * Spends a NextCall subscription on the call, unless another call has spent it: answers whether this one did. Two calls
     * the agent answers at the same instant change in two transactions (a lock on each call), and both read the
     * subscription unspent; the conditional update makes the second wait for the first to commit and then find it spent.
     */
    public boolean spendOn(MonitoringSubscription subscription, String callId) {
        boolean spent = update("spentOnCallId = ?1 where supervisorDeviceId = ?2 and spentOnCallId is null", callId,
                subscription.supervisorDeviceId) == 1;
        if (spent) {
            subscription.spentOnCallId = callId;
        }
        return spent;
    }

    public List<MonitoringSubscription> ofSupervisor(String userId) {
        return list("supervisorUserId = ?1", userId);
    }
}
