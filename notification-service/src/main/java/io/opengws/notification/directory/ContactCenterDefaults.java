package io.opengws.notification.directory;

import java.util.Map;

/** The settings every contact center starts with (CONTRACT.md sections 3 and 4); a creator may override any. */
public final class ContactCenterDefaults {

    public static final Map<String, String> SETTINGS = Map.of(
            "voice.routing-point", "5000",
            "smssession.routing-point", "5001",
            "chat.capacity", "3",
            "smssession.capacity", "3",
            "voice.intrusion-enabled", "true",
            "supervisor.free-mode-switching", "false",
            "enableCsrfProtection", "false");

    private ContactCenterDefaults() {
    }
}
