package io.opengws.voice.call;

/**
 * {@code supervisorMonitoringScope} (reference 2.4): with {@code Agent} the supervisor leaves the call with the
 * agent it monitors (transfer, leaving a conference); with {@code Call} it stays with the call.
 */
public enum MonitoringScope {
    Agent, Call
}
