package io.opengws.notification.cometd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bayeux channel names and the trailing wildcards {@code *} and {@code **}. */
class ChannelPatternTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "/v2/me/calls, /v2/me/calls, true",
            "/v2/me/calls, /v2/me/chats, false",
            "/v2/me/calls, /v2/me/calls/x, false",
            "/v2/me/calls, /v2/me, false",
            "/v2/me/*, /v2/me/calls, true",
            "/v2/me/*, /v2/me, false",
            "/v2/me/*, /v2/me/calls/1, false",
            "/v2/me/*, /v2/meter, false",
            "/v2/me/*, /v2/mex/calls, false",
            "/v2/me/**, /v2/me/calls, true",
            "/v2/me/**, /v2/me/calls/1/2, true",
            "/v2/me/**, /v2/me, false",
            "/v2/me/**, /v2/meter/calls, false",
            "/v2/**, /v2/me/devices, true",
            "/**, /v2/me/devices, true",
            "/**, /notifications, true",
            "/*, /notifications, true",
            "/*, /v2/me, false",
    })
    void wildcardsMatchOneOrAnyNumberOfTrailingSegments(String pattern, String channel, boolean matches) {
        assertEquals(matches, ChannelPattern.parse(pattern).orElseThrow().matches(channel));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v2/me/calls", "/a", "/a-b_c!d~e(f)g$h@i/9", "/meta/connect", "/service/echo"})
    void wellFormedNamesAreValid(String channel) {
        assertTrue(ChannelPattern.isValidName(channel));
        assertEquals(Optional.of(ChannelPattern.Wildcard.NONE), ChannelPattern.parse(channel).map(ChannelPattern::wildcard));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "v2/me", "/v2//me", "/v2/me/", "/bad<script>", "/a b", "/v2/me/*", "/v2/*/calls", "/a.b", "/é"})
    void malformedNamesAreNotChannels(String channel) {
        assertFalse(ChannelPattern.isValidName(channel));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v2/*/calls", "/v2/me/***", "/v2/me*", "/bad<script>/*", "*", "/v2//**", "//*"})
    void malformedPatternsAreRefused(String pattern) {
        assertTrue(ChannelPattern.parse(pattern).isEmpty(), pattern);
    }

    @org.junit.jupiter.api.Test
    void aNullPatternIsRefused() {
        assertTrue(ChannelPattern.parse(null).isEmpty());
        assertFalse(ChannelPattern.isValidName(null));
    }

    @ParameterizedTest
    @CsvSource({"/meta/connect, true, false", "/meta/**, true, false", "/service/echo, false, true", "/service/*, false, true",
            "/v2/me/calls, false, false", "/metadata, false, false", "/**, false, false"})
    void metaAndServiceChannelsAreRecognised(String pattern, boolean meta, boolean service) {
        ChannelPattern parsed = ChannelPattern.parse(pattern).orElseThrow();
        assertEquals(meta, parsed.isMeta());
        assertEquals(service, parsed.isService());
    }
}
