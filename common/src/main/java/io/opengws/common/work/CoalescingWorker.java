package io.opengws.common.work;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Runs a task for a key on a thread of its own, one run at a time, after the commits that ask for it (routing a
 * contact center's waiting work). Requests coalesce: a key whose run is queued and not started yet is not queued
 * again, since that run reads everything committed before it starts. A request after shutdown is dropped.
 */
public final class CoalescingWorker<K> {

    private final ExecutorService worker;
    private final Consumer<K> task;
    private final Set<K> pending = ConcurrentHashMap.newKeySet();

    /** {@code task} handles its own failures: the worker goes on with the next key whatever it throws. */
    public CoalescingWorker(String threadName, Consumer<K> task) {
        this.task = task;
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    public void request(K key) {
        if (!pending.add(key)) {
            return;
        }
        try {
            worker.execute(() -> {
                pending.remove(key);
                task.accept(key);
            });
        } catch (RejectedExecutionException shuttingDown) {
            pending.remove(key);
        }
    }

    public void shutdown() {
        worker.shutdown();
    }
}
