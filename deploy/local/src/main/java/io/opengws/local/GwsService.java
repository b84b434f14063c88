package io.opengws.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The four services: where their build lives, their database, their port after the base. */
public enum GwsService {
    // The notification service holds thousands of long-polls: objects that outlive a young collection. With a
    // stop-the-world collector their full collections (about 190 ms) set its p99; Shenandoah collects them
    // concurrently. Its pacing, which stalls an allocating thread (here an event loop, and every connection on
    // it) for up to 10 ms while a cycle runs, is off, as is class unloading, which made every cycle longer for
    // a service that loads no classes after start. Heap and native caps, and giving freed native memory back
    // to the system every 5 s (about 45 MiB), keep it under 512 MiB resident (./gws bench notifications). Its
    // code cache has room for all its compiled code, which is never flushed (JvmOptions.KEEP_COMPILED_CODE).
    // From JDK 25 Shenandoah is generational: most of what it allocates (Kafka records, replies) dies young and is
    // collected without marking the whole heap; every cycle of the single generation marked every long-poll.
    // Shenandoah's regulator looks at the heap every 1 to 10 ms, as often as every 1 ms while the service allocates: 2% of
    // a core under the chat bench, 1% with the whole system idle (about 50 us a look). Every 10 ms: 0.5% under that load,
    // and a cycle starts at most 10 ms later (about 1.5 MB of allocation at that load, in a 256 MiB heap).
    NOTIFICATION("notification-service", "notification", 1,
            "-Xms64m -Xmx256m -XX:+UseShenandoahGC -XX:+UnlockExperimentalVMOptions -XX:-ShenandoahPacing -XX:-ClassUnloadingWithConcurrentMark"
                    + " -XX:ShenandoahControlIntervalMin=10"
                    + " -XX:TrimNativeHeapInterval=5000 -XX:ReservedCodeCacheSize=96m -XX:MaxDirectMemorySize=64m -Xss512k -XX:+ExitOnOutOfMemoryError",
            "-XX:ShenandoahGCMode=generational"),
    VOICE("voice-service", "voice", 2, Options.SMALL_SERVICE),
    CHAT("chat-service", "chat", 3, Options.SMALL_SERVICE),
    SMS("sms-service", "sms", 4, Options.SMALL_SERVICE);

    /**
     * In a class of its own: enum constants cannot read the enum's own static fields. A young generation of 160 MiB
     * from the start: with the heap grown from 32 MiB the chat service's young generation was 40 MiB, collected every
     * 0.2 s under the chat bench (8-20 ms each, ~5% of the time stopped). Metaspace may grow to 128 MiB before a
     * collection is due for it: from the default 21 MiB, each service's class metadata (about 100 MiB once warm) set off
     * four or five full collections of 220-310 ms each during its start and its first benchmark (Metadata GC Threshold).
     */
    private static final class Options {
        static final String SMALL_SERVICE = "-Xms256m -Xmx384m -Xmn160m -XX:+UseSerialGC -XX:MetaspaceSize=128m -XX:+ExitOnOutOfMemoryError";
    }

    private final String serviceName;
    private final String database;
    private final int portOffset;
    private final List<String> jvmOptions;
    private final List<String> jvmOptionsFrom25;

    GwsService(String serviceName, String database, int portOffset, String jvmOptions, String... jvmOptionsFrom25) {
        this.serviceName = serviceName;
        this.database = database;
        this.portOffset = portOffset;
        this.jvmOptions = List.of(jvmOptions.split(" "));
        this.jvmOptionsFrom25 = List.of(jvmOptionsFrom25);
    }

    /** The JVM options ./gws runs it with, unless GWS_SERVICE_JAVA_OPTS says otherwise for all services. */
    public List<String> defaultJvmOptions() {
        return defaultJvmOptions(JvmOptions.RELEASE);
    }

    /** Its JVM options on a Java of that feature release. */
    public List<String> defaultJvmOptions(int release) {
        List<String> options = new ArrayList<>(jvmOptions);
        if (release >= 25) {
            options.addAll(jvmOptionsFrom25);
        }
        options.addAll(JvmOptions.everyJvm(release));
        return options;
    }

    /** Also its module directory and the name the route table uses. */
    public String serviceName() {
        return serviceName;
    }

    public String database() {
        return database;
    }

    int portOffset() {
        return portOffset;
    }

    public Path runnableJar(Path repository) {
        return repository.resolve(serviceName).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static GwsService byName(String serviceName) {
        for (GwsService service : values()) {
            if (service.serviceName.equals(serviceName)) {
                return service;
            }
        }
        throw new IllegalArgumentException("Unknown service " + serviceName);
    }
}
