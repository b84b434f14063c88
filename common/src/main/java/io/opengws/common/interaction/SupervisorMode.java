package io.opengws.common.interaction;

import java.util.Optional;

/**
 * How a supervisor attends a chat or SMS session (reference 3.5, seed 004). Its mode decides its visibility,
 * and with it who sees the supervisor and everything it writes. Every mode can be switched to from every other
 * (reference 3.7; unlike voice).
 */
public enum SupervisorMode {
    /** Silent: only other supervisors know it is there. */
    Monitor(Visibility.Supervisors),
    /** Agents see it and its messages; the customer never does. */
    Coach(Visibility.Agents),
    /** Everyone sees it. */
    BargeIn(Visibility.All);

    private final Visibility visibility;

    SupervisorMode(Visibility visibility) {
        this.visibility = visibility;
    }

    public Visibility visibility() {
        return visibility;
    }

    /** The operation that switches a supervisor to this mode: {@code SwitchToMonitor}, ... */
    public InteractionOperation switchOperation() {
        return InteractionOperation.valueOf("SwitchTo" + name());
    }

    /** The mode a switch operation leads to, if {@code operation} is one. */
    public static Optional<SupervisorMode> switchedToBy(InteractionOperation operation) {
        for (SupervisorMode mode : values()) {
            if (mode.switchOperation() == operation) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
