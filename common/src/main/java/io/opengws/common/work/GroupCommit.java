package io.opengws.common.work;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
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
 * <p>If a batch fails as a whole (a deadlock with another replica's transaction, say), each of its writes is made again
 * alone by its own thread, so that one bad write fails only its own request.
 *
 * @param <W> a write
 */
public final class GroupCommit<W> {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** Writes a batch in one statement; answers, of each write in the batch's order, whether it was made. */
    @FunctionalInterface
    public interface BatchWriter<W> {
        boolean[] write(List<W> batch);
    }

    /** Writes one write alone, after its batch failed as a whole; answers whether it was made. */
    @FunctionalInterface
    public interface SingleWriter<W> {
        boolean write(W write);
    }

    private final int maxBatch;
    private final Function<W, Object> key;
    private final BatchWriter<W> batchWriter;
    private final SingleWriter<W> singleWriter;

    /** The writes waiting for a batch, in the order they came. Guarded by this. */
    private final ArrayDeque<Pending<W>> waiting = new ArrayDeque<>();
    /** Whether a batch is being written. Guarded by this. */
    private boolean writing;

    public GroupCommit(int maxBatch, Function<W, Object> key, BatchWriter<W> batchWriter, SingleWriter<W> singleWriter) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("A batch holds at least one write, not " + maxBatch);
        }
        this.maxBatch = maxBatch;
        this.key = key;
        this.batchWriter = batchWriter;
        this.singleWriter = singleWriter;
    }

    /**
     * Makes the write, in a batch with others that come meanwhile, and answers whether it was made (the batch writer's
     * answer for it). Blocks until it is written.
     *
     * @throws RuntimeException what writing it alone threw, after its batch failed as a whole
     */
    public boolean write(W write) {
        Pending<W> mine = new Pending<>(write);
        boolean interrupted = false;
        try {
            while (true) {
                List<Pending<W>> batch;
                synchronized (this) {
                    if (mine.state == State.NEW) {
                        waiting.add(mine);
                        mine.state = State.WAITING;
                    }
                    while (writing && mine.state == State.WAITING) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // a write under way is finished all the same: its caller needs the answer
                        }
                    }
                    if (mine.state == State.MADE) {
                        return mine.made;
                    }
                    if (mine.state == State.ALONE) {
                        break;
                    }
                    writing = true;
                    batch = nextBatch();
                }
                writeBatch(batch);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return singleWriter.write(write);
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

    /** Writes the batch, outside the lock, then lets its writers and the next leader go on. */
    private void writeBatch(List<Pending<W>> batch) {
        boolean[] made = null;
        try {
            made = batchWriter.write(batch.stream().map(pending -> pending.write).toList());
            if (made.length != batch.size()) {
                throw new IllegalStateException("A batch of " + batch.size() + " writes was answered for " + made.length);
            }
        } catch (RuntimeException failed) {
            LOG.warnf("A batch of %d writes failed; each is made again alone: %s", batch.size(), failed.getMessage());
            made = null;
        } finally {
            synchronized (this) {
                for (int i = 0; i < batch.size(); i++) {
                    Pending<W> pending = batch.get(i);
                    if (made == null) {
                        pending.state = State.ALONE;
                    } else {
                        pending.made = made[i];
                        pending.state = State.MADE;
                    }
                }
                writing = false;
                notifyAll();
            }
        }
    }

    /** A batch writer's answer when it knows the keys of the writes that were made. */
    public static <W> boolean[] madeWhereWritten(List<W> batch, Function<W, Object> key, Set<?> writtenKeys) {
        boolean[] made = new boolean[batch.size()];
        for (int i = 0; i < made.length; i++) {
            made[i] = writtenKeys.contains(key.apply(batch.get(i)));
        }
        return made;
    }

    /** How many writes wait for a batch (for tests). */
    synchronized int waitingWrites() {
        return waiting.size();
    }

    private enum State {
        NEW, WAITING, MADE, ALONE
    }

    /** A write and what became of it. Guarded by the group commit. */
    private static final class Pending<W> {
        final W write;
        State state = State.NEW;
        boolean made;

        Pending(W write) {
            this.write = write;
        }
    }
}
