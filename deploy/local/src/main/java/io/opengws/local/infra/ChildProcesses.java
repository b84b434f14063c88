package io.opengws.local.infra;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** How every process deploy/local started is stopped: SIGTERM for a graceful end, then SIGKILL. */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    public static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
