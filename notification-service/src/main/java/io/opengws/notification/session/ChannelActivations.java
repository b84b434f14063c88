package io.opengws.notification.session;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.opengws.common.events.NotificationEvent;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decision 13 makes channel activation asynchronous and confirmed on CometD. So that a desktop which goes
 * Ready (or configures monitoring) right after StartContactCenterSession finds its channels active, and has
 * already been handed the confirmation, the answer waits, for a short while at most, until this replica has
 * delivered each channel's confirmation: the notification its channel service marks with
 * {@link NotificationEvent#activatesChannel()}.
 */
@ApplicationScoped
public class ChannelActivations {

    private record Waiter(Set<String> pending, CompletableFuture<Void> done) {
    }

    private final Map<String, Waiter> waiting = new ConcurrentHashMap<>();

    /** Starts expecting the confirmations of {@code channels} for the user; call before the session is published. */
    public void expect(String userId, Collection<String> channels) {
        Set<String> pending = ConcurrentHashMap.newKeySet();
        pending.addAll(channels);
        waiting.put(userId, new Waiter(pending, new CompletableFuture<>()));
    }

    /** Waits until every expected confirmation was delivered, or {@code patience} passed; never fails. */
    public void await(String userId, Duration patience) {
        Waiter waiter = waiting.get(userId);
        if (waiter == null) {
            return;
        }
        try {
            waiter.done.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // A channel service that is slow or down: the confirmation still comes on CometD, later.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.remove(userId, waiter);
        }
    }

    /**
     * Called for every notification delivered to {@code userId}, with the channel it confirms the activation of
     * ({@link NotificationEvent#activatesChannel()}) if any; cheap when nobody waits for this user.
     */
    public void delivered(String userId, String activatesChannel) {
        if (activatesChannel == null) {
            return;
        }
        Waiter waiter = waiting.get(userId);
        if (waiter != null) {
            confirm(waiter, activatesChannel);
        }
    }

    private static void confirm(Waiter waiter, String channel) {
        if (waiter.pending.remove(channel) && waiter.pending.isEmpty()) {
            waiter.done.complete(null);
        }
    }
}
