package io.opengws.voice.call;

/** {@code supervisorMonitoringMode} (reference 2.4): one call then stop (decision 19), or every call until cancelled. */
public enum MonitoringMode {
    NextCall, AllCalls
}
