package io.opengws.common.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.opengws.common.wire.GwsConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Sends the outbox to Kafka: right after each commit that wrote to it, and (through {@link OutboxSweep})
 * every second for whatever a crash or a broker outage left behind. The runs after commits read from where earlier
 * reads left off ({@link RelayFloor}), the sweep's from the start. Events go in the order they were written; a row is deleted only
 * once the broker has acknowledged it, by the next read (the same statement, one round trip), so an outage delays events but
 * loses none (consumers are idempotent on {@code eventId}, so a resend after a crash is harmless). One relay runs at a time.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "gws-outbox";
    private static final int BATCH = 500;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    /**
     * How long after a read its rows' ids are taken as settled (RelayFloor): far longer than the few milliseconds from
     * a change's outbox insert to its commit, and short, because every read until then steps over the rows deleted
     * since (a bitmap scan does not mark them dead for the next one): at 2,000 events a second, 5 s cost 3-5 ms a read.
     */
    private static final Duration SETTLE = Duration.ofMillis(250);

    @Inject
    OutboxTable table;

    @Inject
    @Channel(CHANNEL)
    Emitter<String> emitter;

    @Inject
    GwsConfig config;

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gws-outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean fromStart = new AtomicBoolean(true);
    /** Only the worker thread reads and moves it. */
    private final RelayFloor floor = new RelayFloor(SETTLE);
    /** Sent and acknowledged, deleted by the next read (at the latest the sweep's, a second later). Only the worker thread. */
    private List<Long> sentNotDeleted = List.of();
    /** When the last run started (System.nanoTime). */
    private volatile long lastRunNanos = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
    private volatile boolean failing;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        relaySoon();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        try {
            worker.execute(this::deleteSent);
        } catch (java.util.concurrent.RejectedExecutionException alreadyStopped) {
            // Stopped before: nothing more to delete.
        }
        worker.shutdown();
    }

    /**
     * What was sent last, deleted when the service stops: else it is sent again after the restart, and a notification
     * service started since would deliver it twice. The same statement as a run's, reading nothing.
     */
    private void deleteSent() {
        try {
            table.deleteSentAndReadOldest(sentNotDeleted, Long.MAX_VALUE, 0);
            sentNotDeleted = List.of();
        } catch (RuntimeException failure) {
            Log.debugf("Outbox relay: %d sent events stay in the outbox, to be sent again: %s", sentNotDeleted.size(), failure.getMessage());
        }
    }

    /**
     * Coalesces requests: at most one run waiting behind the one in progress, and runs at least
     * {@code gws.outbox.min-relay-interval} apart (by default 10 ms). Under load, each run then takes the events of several commits to
     * the broker at once, in one produce request (the producer's {@code linger.ms}, 2 ms): fewer produce requests, consumer
     * fetches and outbox reads, for an event's wait of at most those two.
     */
    public void relaySoon() {
        if (pending.compareAndSet(false, true)) {
            long wait = lastRunNanos + config.outbox().minRelayInterval().toNanos() - System.nanoTime();
            try {
                worker.schedule(() -> {
                    pending.set(false);
                    lastRunNanos = System.nanoTime();
                    relayAll(fromStart.getAndSet(false));
                }, Math.max(0, wait), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                pending.set(false);
            }
        }
    }

    /** A run that reads the outbox from its start: what was left behind (a late commit, a crash, an outage) is sent. */
    public void sweep() {
        fromStart.set(true);
        relaySoon();
    }

    /**
     * @param fromStart whether this run reads from the start of the outbox, not from the floor (which it keeps). A run
     *        that finds more than a batch reads each next one from after the last it sent, not from where it began:
     *        the rows it sent are deleted, and a read from where it began would step over every one of them again
     *        (an outage's backlog, read from the start by the sweep, would cost each batch more than the one before).
     */
    private void relayAll(boolean fromStart) {
        try {
            long from = fromStart ? 0 : floor.from(System.nanoTime());
            List<OutboxEvent> sent;
            do {
                sent = relayBatch(from);
                if (!sent.isEmpty()) {
                    from = sent.get(sent.size() - 1).id() + 1;
                }
            } while (sent.size() == BATCH);
            if (failing) {
                Log.info("Outbox relay: Kafka accepts events again");
                failing = false;
            }
        } catch (RuntimeException failure) {
            floor.reset();
            if (!failing) {
                Log.warnf("Outbox relay: events wait in the outbox until Kafka accepts them (%s)", failure.getMessage());
                failing = true;
            }
        }
    }

    /**
     * Deletes what the last batch sent, then sends the oldest events from id {@code fromId} on, a batch at most; answers
     * them, every one sent (and to be deleted by the next read).
     */
    private List<OutboxEvent> relayBatch(long fromId) {
        long readAt = System.nanoTime();
        List<OutboxEvent> batch = table.deleteSentAndReadOldest(sentNotDeleted, fromId, BATCH);
        sentNotDeleted = List.of();
        if (batch.isEmpty()) {
            return batch;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(send(event));
        }
        List<Long> acknowledged = new ArrayList<>(batch.size());
        RuntimeException firstFailure = null;
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(batch.get(i).id());
            } catch (Exception failure) {
                if (firstFailure == null) {
                    firstFailure = new IllegalStateException(failure.getMessage(), failure);
                }
            }
        }
        sentNotDeleted = acknowledged;
        if (firstFailure != null) {
            throw firstFailure;
        }
        floor.sent(readAt, batch.get(batch.size() - 1).id());
        return batch;
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.recordKey())
                .build();
        Message<String> message = Message.of(event.payload(), Metadata.of(metadata),
                () -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException refused) {
            ack.completeExceptionally(refused);
        }
        return ack;
    }
}
