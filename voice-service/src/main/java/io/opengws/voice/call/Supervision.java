package io.opengws.voice.call;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What makes a party a monitoring supervisor: whom it monitors, how, and from which subscription. */
@RegisterForReflection
public class Supervision {

    /** The supervisor's device that holds the monitoring subscription. */
    public String subscriptionDeviceId;
    public String monitoredUserId;
    /** The monitored agent's leg in this call; with scope Call it moves to the agent the call went to. */
    public String monitoredLegId;
    public MonitoringType type;
    public MonitoringScope scope;
    public MonitoringMode mode;
    public boolean monitoredUserMuted;
}
