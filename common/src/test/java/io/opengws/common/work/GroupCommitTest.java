package io.opengws.common.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final List<String> alone = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failed = new AtomicBoolean();
    /** Held by the first batch until released, so that the writes after it wait. */
    private final CountDownLatch firstBatchWriting = new CountDownLatch(1);
    private final CountDownLatch releaseFirstBatch = new CountDownLatch(1);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /**
     * Writes are "key:name"; a write whose name starts with "refused" is not made. A batch with a "poison" write fails
     * as a whole ("deadlock detected"); the poison write alone fails on its own ("bad write"). The batches after a failed
     * one are the writes made again alone.
     */
    private GroupCommit<String> groupCommit(int maxBatch) {
        return new GroupCommit<>(maxBatch, GroupCommitTest::key, batch -> {
            if (failed.get()) {
                alone.addAll(batch);
            }
            batches.add(List.copyOf(batch));
            if (batches.size() == 1) {
                firstBatchWriting.countDown();
                await(releaseFirstBatch);
            }
            if (batch.size() > 1 && batch.stream().anyMatch(write -> write.contains("poison"))) {
                failed.set(true);
                throw new IllegalStateException("deadlock detected");
            }
            if (batch.size() == 1 && batch.get(0).contains("poison")) {
                throw new IllegalStateException("bad write " + batch.get(0));
            }
            return batch.stream().filter(write -> !write.contains("refused")).map(GroupCommitTest::key).collect(Collectors.toSet());
        });
    }

    private static String key(String write) {
        return write.split(":")[0];
    }

    @Test
    void aWriteThatFindsNoBatchUnderWayIsWrittenAtOnceByItself() {
        releaseFirstBatch.countDown();
        GroupCommit<String> commit = groupCommit(8);

        assertThat(commit.write("a:1")).isTrue();
        assertThat(commit.write("b:refused")).isFalse();

        assertThat(batches).containsExactly(List.of("a:1"), List.of("b:refused"));
    }

    @Test
    void writesThatComeWhileABatchIsWrittenGoTogetherInTheNextWithTheirOwnAnswers() {
        Map<String, Future<Boolean>> writes = writeWhileAFirstIsWritten(groupCommit(8), "b:1", "c:refused", "d:1");

        assertThat(answer(writes.get("a:first"))).isTrue();
        assertThat(answer(writes.get("b:1"))).isTrue();
        assertThat(answer(writes.get("c:refused"))).isFalse();
        assertThat(answer(writes.get("d:1"))).isTrue();
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrder("b:1", "c:refused", "d:1");
    }

    @Test
    void twoWritesOfOneKeyGoInSuccessiveBatchesInTheOrderTheyCame() {
        Map<String, Future<Boolean>> writes = writeWhileAFirstIsWritten(groupCommit(8), "x:1", "y:1", "x:2", "x:3");

        assertThat(writes.values()).allSatisfy(write -> assertThat(answer(write)).isTrue());
        assertThat(batches).containsExactly(List.of("a:first"), List.of("x:1", "y:1"), List.of("x:2"), List.of("x:3"));
    }

    @Test
    void aBatchHoldsAtMostItsLimit() {
        Map<String, Future<Boolean>> writes = writeWhileAFirstIsWritten(groupCommit(2), "b:1", "c:1", "d:1");

        writes.values().forEach(GroupCommitTest::answer);
        assertThat(batches).hasSize(3);
        assertThat(batches.get(1)).hasSize(2);
        assertThat(batches.get(2)).hasSize(1);
    }

    @Test
    void aBatchThatFailsAsAWholeIsWrittenAgainOneWriteAtATimeAndOnlyTheBadWriteFails() {
        Map<String, Future<Boolean>> writes = writeWhileAFirstIsWritten(groupCommit(8), "b:1", "c:poison", "d:1");

        assertThat(answer(writes.get("b:1"))).isTrue();
        assertThat(answer(writes.get("d:1"))).isTrue();
        assertThatThrownBy(() -> answer(writes.get("c:poison"))).hasRootCauseMessage("bad write c:poison");
        assertThat(alone).containsExactlyInAnyOrder("b:1", "c:poison", "d:1");
    }

    @Test
    void manyThreadsWritingAtOnceEachGetTheirAnswerAndTheWritesOfAKeyKeepTheirOrder() throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        AtomicBoolean batchUnderWay = new AtomicBoolean();
        GroupCommit<String> commit = new GroupCommit<>(4, GroupCommitTest::key, batch -> {
            assertThat(batchUnderWay.getAndSet(true)).as("one batch at a time").isFalse();
            written.addAll(batch);
            Thread.onSpinWait();
            batchUnderWay.set(false);
            return batch.stream().filter(write -> !write.contains("refused")).map(GroupCommitTest::key).collect(Collectors.toSet());
        });
        int writers = 12;
        int writesEach = 300;
        List<Future<Integer>> answered = new java.util.ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String writer = "w" + w;
            answered.add(threads.submit(() -> {
                int made = 0;
                for (int i = 0; i < writesEach; i++) {
                    boolean refused = i % 10 == 0;
                    boolean answer = commit.write(writer + ":" + (refused ? "refused-" : "") + i);
                    assertThat(answer).isEqualTo(!refused);
                    made += answer ? 1 : 0;
                }
                return made;
            }));
        }
        for (Future<Integer> writer : answered) {
            assertThat(writer.get(30, TimeUnit.SECONDS)).isEqualTo(writesEach - writesEach / 10);
        }
        assertThat(written).hasSize(writers * writesEach);
        for (int w = 0; w < writers; w++) {
            String prefix = "w" + w + ":";
            List<Integer> order = written.stream().filter(write -> write.startsWith(prefix))
                    .map(write -> Integer.parseInt(write.substring(write.lastIndexOf(write.contains("-") ? '-' : ':') + 1))).toList();
            assertThat(order).isSorted().hasSize(writesEach);
        }
        assertThat(commit.waitingWrites()).isZero();
    }

    /**
     * Writes "a:first", then the writes, each on a thread of its own, in this order while the first is written; then
     * lets the first finish. Answers each write's future by the write.
     */
    private Map<String, Future<Boolean>> writeWhileAFirstIsWritten(GroupCommit<String> commit, String... writes) {
        Map<String, Future<Boolean>> futures = new ConcurrentHashMap<>();
        futures.put("a:first", threads.submit(() -> commit.write("a:first")));
        await(firstBatchWriting);
        int started = 0;
        for (String write : writes) {
            futures.put(write, threads.submit(() -> commit.write(write)));
            int waiting = ++started;
            waitUntil(() -> commit.waitingWrites() == waiting); // the next one comes after this one
        }
        releaseFirstBatch.countDown();
        return futures;
    }

    private static boolean answer(Future<Boolean> write) {
        try {
            return write.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
