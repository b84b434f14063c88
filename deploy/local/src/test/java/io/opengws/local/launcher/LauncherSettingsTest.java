package io.opengws.local.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opengws.local.GwsService;

class LauncherSettingsTest {

    @Test
    void eachServiceRunsWithItsOwnDefaultsWhenNothingIsSet() {
        LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of());

        assertEquals(GwsService.NOTIFICATION.defaultJvmOptions(), settings.serviceJvmOptions(GwsService.NOTIFICATION));
        assertEquals(GwsService.VOICE.defaultJvmOptions(), settings.serviceJvmOptions(GwsService.VOICE));
    }

    @Test
    void aServicesOwnVariableWinsOverTheOneForAllServices() {
        LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of(
                "GWS_SERVICE_JAVA_OPTS", "-Xmx128m",
                "GWS_NOTIFICATION_JAVA_OPTS", "  -Xmx300m   -XX:+UseG1GC "));

        assertEquals(List.of("-Xmx300m", "-XX:+UseG1GC"), settings.serviceJvmOptions(GwsService.NOTIFICATION));
        assertEquals(List.of("-Xmx128m"), settings.serviceJvmOptions(GwsService.CHAT));
    }
}
