package io.opengws.notification.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.opengws.common.directory.Features;
import io.opengws.common.wire.GwsStatus;

class ChannelAvailabilityTest {

    private static Predicate<String> has(String... features) {
        return feature -> Features.includes(Set.of(features), feature);
    }

    private static final Predicate<String> NOTHING = feature -> false;

    @ParameterizedTest
    @CsvSource({
            "voice, api-voice",
            "chat, api-multimedia",
            "smssession, api-multimedia"})
    void aChannelIsAvailableWhenItsFeatureIsOn(String channel, String feature) {
        assertThat(ChannelAvailability.check(channel, has(feature))).isEqualTo(GwsStatus.ok());
    }

    @ParameterizedTest
    @CsvSource({
            "voice, api-voice",
            "chat, api-multimedia",
            "smssession, api-multimedia"})
    void aChannelWhoseFeatureIsOffAnswersStatusCode6NamingTheFeature(String channel, String feature) {
        GwsStatus status = ChannelAvailability.check(channel, NOTHING);

        assertThat(status.statusCode()).isEqualTo(6);
        assertThat(status.statusMessage()).contains("'" + feature + "'").contains(channel);
    }

    @Test
    void voiceNeedsApiVoiceNotMultimedia() {
        assertThat(ChannelAvailability.check("voice", has("api-multimedia")).statusCode()).isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat", "smssession"})
    void chatAndSmsNeedMultimediaNotVoice(String channel) {
        assertThat(ChannelAvailability.check(channel, has("api-voice")).statusCode()).isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat", "smssession"})
    void apiMultimediaChatCountsAsTheMultimediaFeature(String channel) {
        assertThat(ChannelAvailability.check(channel, has("api-multimedia-chat"))).isEqualTo(GwsStatus.ok());
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "Voice", "sms", "channels", ""})
    void anUnknownChannelAnswersStatusCode2NamingItAndTheKnownOnes(String channel) {
        GwsStatus status = ChannelAvailability.check(channel, has("api-voice", "api-multimedia"));

        assertThat(status.statusCode()).isEqualTo(2);
        assertThat(status.statusMessage()).contains("'" + channel + "'");
        for (String known : List.of("voice", "chat", "smssession")) {
            assertThat(status.statusMessage()).contains(known);
        }
    }

    @Test
    void anOverlongUnknownChannelNameIsNotRepeatedWhole() {
        String longName = "x".repeat(500);

        assertThat(ChannelAvailability.check(longName, NOTHING).statusMessage()).doesNotContain(longName);
    }
}
