package io.opengws.voice.device;

import java.util.Map;

/** The agent's voice state (reference 2.1), with the fixed agent-state ids every GWS sample shows. */
public enum AgentState {
    Ready("9430250E-0A1B-421F-B372-F29E69366DED", "Ready"),
    NotReady("900D55CC-2BB0-431F-8BF9-D3525B383BE6", "Not Ready");

    private final String id;
    private final String displayName;

    AgentState(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The {@code userState} object of the device resource. */
    public Map<String, String> view() {
        return Map.of("id", id, "displayName", displayName, "state", name());
    }
}
