package io.opengws.common.directory;

import java.util.Collection;
import java.util.List;

/** Feature names (reference 1.6) and the one rule about them: the multimedia names are synonyms. */
public final class Features {

    public static final String PROVISIONING_READ = "api-provisioning-read";
    public static final String PROVISIONING_WRITE = "api-provisioning-write";
    public static final String VOICE = "api-voice";
    public static final String MULTIMEDIA = "api-multimedia";
    public static final String SUPERVISOR_MONITORING = "api-supervisor-monitoring";
    public static final String SIMULATOR = "api-simulator";

    /** What a contact center gets when it is created without a feature list (GWS's default-assigned set). */
    public static final List<String> DEFAULTS = List.of(PROVISIONING_READ, PROVISIONING_WRITE, VOICE,
            "api-supervisor-recording", "ui-supervisor-provisioning-routing", "ui-supervisor-provisioning-skill",
            "ui-supervisor-provisioning-user", "ui-supervisor-recording", "ui-supervisor-reporting");

    /** Every feature this system knows, for {@code GET /api/v2/system/features}. */
    public static final List<String> ALL = List.of(PROVISIONING_READ, PROVISIONING_WRITE, VOICE, MULTIMEDIA,
            "api-multimedia-chat", SUPERVISOR_MONITORING, "api-supervisor-agent-control", "api-supervisor-recording",
            SIMULATOR, "ui-supervisor-provisioning-routing", "ui-supervisor-provisioning-skill",
            "ui-supervisor-provisioning-user", "ui-supervisor-recording", "ui-supervisor-reporting");

    private Features() {
    }

    public static boolean includes(Collection<String> features, String feature) {
        if (features.contains(feature)) {
            return true;
        }
        if (isMultimedia(feature)) {
            return features.stream().anyMatch(Features::isMultimedia);
        }
        return false;
    }

    private static boolean isMultimedia(String feature) {
        return feature.equals(MULTIMEDIA) || feature.startsWith(MULTIMEDIA + "-");
    }
}
