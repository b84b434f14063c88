package io.opengws.common.outbox;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Every second, relays what a crash or a broker outage left in the outbox. A bean of its own, started only
 * once the application has started: the relay's Kafka emitter does not exist before messaging is wired.
 */
@ApplicationScoped
public class OutboxSweep {

    @Inject
    OutboxRelay relay;

    private volatile boolean started;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent start) {
        started = true;
    }

    // Not once the service stops: the timer may still fire after its database access has closed.
    @Scheduled(every = "${gws.outbox.sweep-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        if (started) {
            relay.sweep();
        }
    }
}
