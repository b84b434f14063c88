package io.opengws.notification.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MeResourceSettingsTest {

    @Test
    void keysWithADotAreGroupedByThePartBeforeIt() {
        Map<String, Map<String, String>> sections = MeResource.settingsBySection(Map.of(
                "voice.routing-point", "5000",
                "voice.intrusion-enabled", "true",
                "chat.capacity", "3",
                "smssession.routing-point", "5001"));

        assertThat(sections).isEqualTo(Map.of(
                "voice", Map.of("routing-point", "5000", "intrusion-enabled", "true"),
                "chat", Map.of("capacity", "3"),
                "smssession", Map.of("routing-point", "5001")));
    }

    @Test
    void keysWithoutADotAreUnderGeneral() {
        Map<String, Map<String, String>> sections = MeResource.settingsBySection(Map.of(
                "enableCsrfProtection", "false",
                "supervisor.free-mode-switching", "true"));

        assertThat(sections).isEqualTo(Map.of(
                "general", Map.of("enableCsrfProtection", "false"),
                "supervisor", Map.of("free-mode-switching", "true")));
    }

    @Test
    void onlyTheFirstDotSeparatesTheSection() {
        assertThat(MeResource.settingsBySection(Map.of("chat.auto.accept", "false")))
                .isEqualTo(Map.of("chat", Map.of("auto.accept", "false")));
    }

    @Test
    void noSettingsGiveNoSections() {
        assertThat(MeResource.settingsBySection(Map.of())).isEmpty();
    }
}
