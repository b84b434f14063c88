package io.opengws.local;

/**
 * The ports of one local system, all derived from one base so that several systems (a developer's and a
 * test's) can run side by side: the edge on the base, the services and the infrastructure after it.
 */
public record PortPlan(int base) {

    public static final int DEFAULT_BASE = 8080;

    public int edge() {
        return base;
    }

    public int service(GwsService service) {
        return base + service.portOffset();
    }

    public int postgres() {
        return base + 5;
    }

    public int kafka() {
        return base + 6;
    }

    public int kafkaController() {
        return base + 7;
    }
}
