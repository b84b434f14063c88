package io.opengws.notification.cometd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The server side of the {@code ack} extension (cometd-reference.md section 5): every {@code /meta/connect}
 * reply is a numbered batch; the messages it carried are kept until the client acknowledges that batch (or a
 * later one) on a following {@code /meta/connect}, and are sent again otherwise. Not thread-safe: a session
 * owns one and touches it on its own context only.
 *
 * @param <T> a delivered message
 */
public final class UnacknowledgedBatches<T> {

    private record Batch<T>(long id, List<T> messages) {
    }

    private final Deque<Batch<T>> batches = new ArrayDeque<>();
    private long lastBatchId;

    /** Numbers the reply that carries {@code messages} and keeps them until that number is acknowledged. */
    public long send(List<T> messages) {
        long id = ++lastBatchId;
        if (!messages.isEmpty()) {
            batches.addLast(new Batch<>(id, List.copyOf(messages)));
        }
        return id;
    }

    /**
     * The client has received every batch up to {@code batchId}: those are forgotten, and the messages of the
     * later ones, which the client has not received, are returned in their order to be sent again.
     */
    public List<T> acknowledge(long batchId) {
        while (!batches.isEmpty() && batches.peekFirst().id() <= batchId) {
            batches.removeFirst();
        }
        List<T> resend = new ArrayList<>();
        for (Batch<T> batch : batches) {
            resend.addAll(batch.messages());
        }
        batches.clear();
        return resend;
    }

    /** How many messages wait for an acknowledgement. */
    public int pending() {
        return batches.stream().mapToInt(batch -> batch.messages().size()).sum();
    }
}
