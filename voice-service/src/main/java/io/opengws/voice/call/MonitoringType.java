package io.opengws.voice.call;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * How a supervisor attends a monitored call (reference 2.4, 2.5; decisions 1 to 3): who hears it, who sees it
 * among a call's participants, and the one-way switches between the types.
 */
public enum MonitoringType {
    /** Silent: nobody hears the supervisor; the agent's call says a supervisor listens. */
    ListenIn(true, false),
    /** Only the monitored agent hears and sees the supervisor. */
    Coach(false, true),
    /** Everyone hears and sees the supervisor. */
    BargeIn(false, true);

    private final boolean muted;
    private final boolean visibleToMonitoredAgent;

    MonitoringType(boolean muted, boolean visibleToMonitoredAgent) {
        this.muted = muted;
        this.visibleToMonitoredAgent = visibleToMonitoredAgent;
    }

    /** The supervisor leg's {@code mute} (decision 2). */
    public boolean muted() {
        return muted;
    }

    /** Whether the supervisor is among the monitored agent's participants (decision 3). */
    public boolean visibleToMonitoredAgent() {
        return visibleToMonitoredAgent;
    }

    /** Whether the supervisor is among the customer's and other agents' participants (decision 3). */
    public boolean visibleToOthers() {
        return this == BargeIn;
    }

    /** Whether the monitored agent's call shows {@code supervisorListeningIn: true} (decision 3). */
    public boolean flagsListeningIn() {
        return this != BargeIn;
    }

    /** The operation that switches a monitoring call to this type. */
    public String switchOperation() {
        return "SwitchTo" + name();
    }

    /** The type a switch operation leads to, if {@code operationName} is one. */
    public static Optional<MonitoringType> ofSwitch(String operationName) {
        for (MonitoringType type : values()) {
            if (type.switchOperation().equals(operationName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * The types a supervisor in this type may switch to (reference 2.5): ListenIn and BargeIn swap freely;
     * Coach, once left, cannot be entered again (decision 1) unless the contact center allows free switching.
     */
    public Set<MonitoringType> switchesTo(boolean freeSwitching) {
        Set<MonitoringType> targets = EnumSet.complementOf(EnumSet.of(this));
        if (!freeSwitching) {
            targets.remove(Coach);
        }
        return targets;
    }
}
