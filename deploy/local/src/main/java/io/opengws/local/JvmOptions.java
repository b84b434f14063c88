package io.opengws.local;

/** JVM options every JVM of ./gws runs with: the services (GwsService) and the Kafka broker. */
public final class JvmOptions {

    /**
     * JDK 17's code cache sweeper throws away compiled methods it finds cold, and a method a request runs once
     * is cold to it: a voice service 15 minutes old still compiled 1,600 methods with C2 in 70 s of the voice
     * bench (23,800 reclaimed since its start), and its C2 thread, busy with recompiling, kept a core at 90%
     * after the load had stopped. Compiled code is kept instead; a service compiles a few tens of MiB of it.
     * The gws script gives the edge and the load generator the same option.
     */
    public static final String KEEP_COMPILED_CODE = "-XX:-UseCodeCacheFlushing";

    private JvmOptions() {
    }
}
