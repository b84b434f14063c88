package io.opengws.common.work;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

/**
 * Runs a task for a key on a thread of its own, one run at a time, after the commits that ask for it (routing a
 * contact center's waiting work). Requests coalesce: a key whose run is queued and not started yet is not queued
 * again, since that run reads everything committed before it starts. A request after shutdown is dropped. A run
 * that fails is logged and left to the next request (the callers' sweeps ask again every few seconds).
 */
public final class CoalescingWorker<K> {

    private static final Logger LOG = Logger.getLogger(CoalescingWorker.class);

    private final ExecutorService worker;
    private final String threadName;
    private final Consumer<K> task;
    private final Set<K> pending = ConcurrentHashMap.newKeySet();

    public CoalescingWorker(String threadName, Consumer<K> task) {
        this.threadName = threadName;
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
                run(key);
            });
        } catch (RejectedExecutionException shuttingDown) {
            pending.remove(key);
        }
    }

    private void run(K key) {
        try {
            task.accept(key);
        } catch (RuntimeException failure) {
            LOG.warnf("%s: the run for %s failed; the next request runs it again: %s", threadName, key, failure.getMessage());
        }
    }

    public void shutdown() {
        worker.shutdown();
    }
}
