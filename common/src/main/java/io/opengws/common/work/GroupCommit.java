package io.opengws.common.work;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.jboss.logging.Logger;

/**
 * Writes that request threads make at the same time, combined into one statement a batch (group commit). The database
 * spends about as much CPU around a statement (its round trip, parsing, planning, the commit) as in executing it, so a
 * batch of ten writes costs it far less than ten statements.
 *
 * <p>Nothing waits to fill a batch: a write that finds no batch being written is written at once, by its own thread
 * (the leader); the writes that arrive meanwhile go together in the next batch, which one of their threads writes. Two
 * writes with the same key (of one interaction) never go in one batch: the later one waits for a later batch, so that
 * writes of one key are made in the order they came.
 *
 * <p>If a batch fails as a whole (a deadlock with another replica's transaction, say), each of its writes is written
 * again as a batch of its own by its own thread, so that one bad write fails only its own request.
 *
 * @param <W> a write
 */
public final class GroupCommit<W> {

    /** Enough to take every request that waits at the benchmarks' rates; a larger batch holds more row locks. */
    public static final int DEFAULT_MAX_BATCH = 64;

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** Writes a batch in one statement; answers the keys of the writes that were made (a write may be refused). */
    @FunctionalInterface
    public interface BatchWriter<W> {
        Set<?> write(List<W> batch);
    }

    private final int maxBatch;
    private final Function<W, Object> key;
    private final BatchWriter<W> batchWriter;

    /** The writes waiting for a batch, in the order they came. Guarded by this. */
    private final ArrayDeque<Pending<W>> waiting = new ArrayDeque<>();
    /** Whether a write leads (a batch is being written, or is about to be). Guarded by this. */
    private boolean writing;

    public GroupCommit(Function<W, Object> key, BatchWriter<W> batchWriter) {
        this(DEFAULT_MAX_BATCH, key, batchWriter);
    }

    public GroupCommit(int maxBatch, Function<W, Object> key, BatchWriter<W> batchWriter) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("A batch holds at least one write, not " + maxBatch);
        }
        this.maxBatch = maxBatch;
        this.key = key;
        this.batchWriter = batchWriter;
    }

    /**
     * Makes the write, in a batch with others that come meanwhile, and answers whether it was made (its key among the
     * batch writer's answer). Blocks until it is written.
     *
     * <p>Only the threads that have something to do are woken: each of a batch's writers when its answer is known, and
     * the first waiting writer when it is to write the next batch (it leads). A wake-up of every waiting thread per batch
     * (a monitor's notifyAll) had them all contend for the lock to learn that most had nothing to do: 7% of the chat
     * service's profile samples at 1,000 messages a second were in this method, none since.
     *
     * @throws RuntimeException what writing it alone threw, after its batch failed as a whole
     */
    public boolean write(W write) {
        Pending<W> mine = new Pending<>(write, Thread.currentThread());
        synchronized (this) {
            waiting.add(mine);
            if (!writing) {
                writing = true;
                mine.state = State.LEADING;
            }
        }
        awaitTurn(mine);
        if (mine.state == State.LEADING) {
            // The leader is the first waiting write, so its batch holds its own write.
            List<Pending<W>> batch;
            synchronized (this) {
                batch = nextBatch();
            }
            try {
                writeBatch(batch);
            } finally {
                handOver();
            }
        }
        if (mine.state == State.MADE) {
            return mine.made;
        }
        return batchWriter.write(List.of(write)).contains(key.apply(write));
    }

    /** Parks until this write is answered, to be written alone, or to lead; an interrupt is kept for the caller. */
    private static void awaitTurn(Pending<?> mine) {
        boolean interrupted = false;
        while (mine.state == State.WAITING) {
            LockSupport.park(mine);
            // A write under way is finished all the same: its caller needs the answer.
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first waiting write leads the next batch; with none, the next write to come does. */
    private void handOver() {
        Pending<W> next;
        synchronized (this) {
            next = waiting.peekFirst();
            if (next == null) {
                writing = false;
                return;
            }
            next.state = State.LEADING;
        }
        LockSupport.unpark(next.thread);
    }

    /** Takes the next batch off the waiting writes: in their order, one a key, at most {@link #maxBatch}. */
    private List<Pending<W>> nextBatch() {
        List<Pending<W>> batch = new ArrayList<>();
        Set<Object> keys = new HashSet<>();
        for (Iterator<Pending<W>> it = waiting.iterator(); it.hasNext() && batch.size() < maxBatch;) {
            Pending<W> pending = it.next();
            // A key already seen, taken or passed over, keeps this write for a later batch: its writes stay in order.
            if (keys.add(key.apply(pending.write))) {
                batch.add(pending);
                it.remove();
            }
        }
        return batch;
    }

    /** Writes the batch, outside the lock, then wakes its writers (the leader's own thread is awake). */
    private void writeBatch(List<Pending<W>> batch) {
        Set<?> made = null;
        try {
            made = batchWriter.write(batch.stream().map(pending -> pending.write).toList());
        } catch (RuntimeException failed) {
            LOG.warnf("A batch of %d writes failed; each is written again alone: %s", batch.size(), failed.getMessage());
        } finally {
            for (Pending<W> pending : batch) {
                if (made == null) {
                    pending.state = State.ALONE;
                } else {
                    pending.made = made.contains(key.apply(pending.write));
                    pending.state = State.MADE;
                }
                if (pending.thread != Thread.currentThread()) {
                    LockSupport.unpark(pending.thread);
                }
            }
        }
    }

    /** How many writes wait for a batch (for tests). */
    synchronized int waitingWrites() {
        return waiting.size();
    }

    private enum State {
        WAITING, LEADING, MADE, ALONE
    }

    /**
     * A write, its thread and what became of it. Its state is set by another thread (made, alone, or to lead), always
     * after {@link #made}, and read by its own thread, parked until it changes.
     */
    private static final class Pending<W> {
        final W write;
        final Thread thread;
        volatile State state = State.WAITING;
        boolean made;

        Pending(W write, Thread thread) {
            this.write = write;
            this.thread = thread;
        }
    }
}
