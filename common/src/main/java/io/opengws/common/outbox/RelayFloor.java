package io.opengws.common.outbox;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Where the relay's reads of the outbox start. The relay deletes what it sent, and PostgreSQL keeps the deleted rows
 * (and their index entries) until a vacuum, which autovacuum ran about once a minute before V103: under load tens of thousands of
 * them. A read of the oldest rows from the start of the table went through all of them; once the table had grown
 * (89 MB after a few chat benches) the planner chose a full scan and a sort instead, 12 ms a read, many reads a second.
 * <p>
 * So a read starts above what earlier reads already saw: the highest id a read returned becomes the floor once
 * {@code settle} has passed since. An id is drawn when its row is inserted and becomes visible only at its
 * transaction's commit, so a row under an id that was read can still appear, from a transaction that was in flight;
 * the wait lets those commit first. A row later still (the service paused between its insert and its commit), and
 * whatever a failed send left, is found by a read from the start: the relay makes one on every sweep (once a second;
 * the floor stays) and after every failure ({@link #reset}). Plain Java; the relay's one thread uses it.
 */
final class RelayFloor {

    private final long settleNanos;
    /** What reads returned, oldest first: {time (System.nanoTime), highest id}. */
    private final ArrayDeque<long[]> reads = new ArrayDeque<>();
    private long floor;

    RelayFloor(Duration settle) {
        this.settleNanos = settle.toNanos();
    }

    /** The lowest id a read at {@code now} needs to return: every lower one was read at least {@code settle} ago. */
    long from(long now) {
        while (!reads.isEmpty() && now - reads.peekFirst()[0] >= settleNanos) {
            floor = Math.max(floor, reads.pollFirst()[1] + 1);
        }
        return floor;
    }

    /** A read at {@code now} returned rows up to {@code highestId}, and every one of them was sent. */
    void sent(long now, long highestId) {
        reads.addLast(new long[] {now, highestId});
    }

    /** The next read starts from the beginning of the table. */
    void reset() {
        reads.clear();
        floor = 0;
    }
}
