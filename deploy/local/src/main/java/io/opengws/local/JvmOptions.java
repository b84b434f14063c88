package io.opengws.local;

import java.util.ArrayList;
import java.util.List;

/**
 * JVM options every JVM of ./gws runs with: the services (GwsService) and the Kafka broker. They all run on the
 * launcher's own Java (its java.home), which the gws script picks: the newest JDK it finds.
 */
public final class JvmOptions {

    /**
     * JDK 17's code cache sweeper throws away compiled methods it finds cold, and a method a request runs once
     * is cold to it: a voice service 15 minutes old still compiled 1,600 methods with C2 in 70 s of the voice
     * bench (23,800 reclaimed since its start), and its C2 thread, busy with recompiling, kept a core at 90%
     * after the load had stopped. Compiled code is kept instead; a service compiles a few tens of MiB of it.
     * The gws script gives the edge and the load generator the same option.
     */
    public static final String KEEP_COMPILED_CODE = "-XX:-UseCodeCacheFlushing";

    /**
     * From JDK 20 no sweeper runs: a collection unloads compiled code instead, started each time the code cache has
     * grown by this share of its size since the last one (15% by default, 36 MiB of 240). The chat service compiles
     * about 42 MiB in its first benchmark, so one such collection came in the middle of it, and with the serial
     * collector it is a full one: 486 ms, every request stopped. At 100% none comes before the cache is full; then
     * the collector frees space as it does anyway when little is left (StartAggressiveSweepingAt). On JDK 17, whose
     * sweeper the option above turns off, the threshold has no effect.
     */
    public static final String NO_CODE_CACHE_COLLECTIONS = "-XX:SweeperThreshold=100";

    /**
     * From JDK 25 (JEP 519): object headers of 8 bytes instead of 12, so smaller objects, less to allocate and
     * collect. Services that allocate per message (JSON trees, Kafka records, JDBC rows) profit most.
     */
    public static final String COMPACT_OBJECT_HEADERS = "-XX:+UseCompactObjectHeaders";

    /** The feature release of the Java everything runs on. */
    public static final int RELEASE = Runtime.version().feature();

    private JvmOptions() {
    }

    /** The options every JVM gets on a Java of this feature release. */
    public static List<String> everyJvm(int release) {
        List<String> options = new ArrayList<>(List.of(KEEP_COMPILED_CODE, NO_CODE_CACHE_COLLECTIONS));
        if (release >= 25) {
            options.add(COMPACT_OBJECT_HEADERS);
        }
        return options;
    }
}
