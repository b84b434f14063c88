package io.opengws.notification.cometd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The ack extension's bookkeeping: numbered batches, forgotten when acknowledged, sent again otherwise. */
class UnacknowledgedBatchesTest {

    private final UnacknowledgedBatches<String> batches = new UnacknowledgedBatches<>();

    @Test
    void everyReplyGetsTheNextBatchNumberEvenWhenEmpty() {
        assertEquals(1, batches.send(List.of()));
        assertEquals(2, batches.send(List.of("a")));
        assertEquals(3, batches.send(List.of()));
        assertEquals(1, batches.pending());
    }

    @Test
    void acknowledgingABatchForgetsItAndEveryEarlierOne() {
        batches.send(List.of("a"));
        long second = batches.send(List.of("b", "c"));

        assertEquals(List.of(), batches.acknowledge(second));
        assertEquals(0, batches.pending());
    }

    @Test
    void theMessagesOfBatchesNotAcknowledgedAreReturnedInOrderAndForgotten() {
        long first = batches.send(List.of("a"));
        batches.send(List.of("b"));
        batches.send(List.of());
        batches.send(List.of("c", "d"));

        assertEquals(List.of("b", "c", "d"), batches.acknowledge(first));
        assertEquals(0, batches.pending(), "once handed back, they travel in the next batch");
    }

    @Test
    void anAcknowledgementBeforeAnyBatchReturnsEverything() {
        batches.send(List.of("a"));
        batches.send(List.of("b"));

        assertEquals(List.of("a", "b"), batches.acknowledge(-1));
    }

    @Test
    void batchNumbersKeepGrowingAfterAResend() {
        long first = batches.send(List.of("a"));
        batches.acknowledge(first - 1);
        assertEquals(first + 1, batches.send(List.of("a")));
    }
}
