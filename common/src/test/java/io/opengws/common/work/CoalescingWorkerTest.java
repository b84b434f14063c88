package io.opengws.common.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class CoalescingWorkerTest {

    @Test
    void requestsForAKeyWaitingToRunCoalesceIntoOneRun() throws Exception {
        CountDownLatch blocker = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(3);
        List<String> runs = new CopyOnWriteArrayList<>();
        CoalescingWorker<String> worker = new CoalescingWorker<>("test-worker", key -> {
            if (key.equals("first")) {
                await(blocker);
            }
            runs.add(key);
            done.countDown();
        });

        worker.request("first");
        // While "first" runs, "a" and "b" wait: asked for again, each still runs once.
        worker.request("a");
        worker.request("a");
        worker.request("b");
        worker.request("a");
        blocker.countDown();

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        worker.shutdown();
        assertThat(runs).containsExactly("first", "a", "b");
    }

    @Test
    void aKeyAskedForWhileItRunsRunsAgainAfterwards() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(2);
        CoalescingWorker<String> worker = new CoalescingWorker<>("test-worker", key -> {
            running.countDown();
            await(release);
            done.countDown();
        });

        worker.request("key");
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        // The run in progress may have read before this commit: another run follows.
        worker.request("key");
        release.countDown();

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        worker.shutdown();
    }

    @Test
    void aRunThatFailsLeavesTheWorkerRunningAndTheKeyAskableAgain() throws Exception {
        List<String> runs = new CopyOnWriteArrayList<>();
        CountDownLatch firstRan = new CountDownLatch(1);
        CountDownLatch secondRan = new CountDownLatch(1);
        CoalescingWorker<String> worker = new CoalescingWorker<>("test-worker", key -> {
            runs.add(key);
            if (firstRan.getCount() == 1) {
                firstRan.countDown();
                throw new IllegalStateException("the database is away");
            }
            secondRan.countDown();
        });

        worker.request("cc-1");
        await(firstRan);
        worker.request("cc-1");

        assertThat(secondRan.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(runs).containsExactly("cc-1", "cc-1");
        worker.shutdown();
    }

    @Test
    void aRequestAfterShutdownIsDropped() {
        List<String> runs = new CopyOnWriteArrayList<>();
        CoalescingWorker<String> worker = new CoalescingWorker<>("test-worker", runs::add);
        worker.shutdown();

        worker.request("late");

        assertThat(runs).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
