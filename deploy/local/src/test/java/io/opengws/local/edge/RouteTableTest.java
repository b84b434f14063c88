package io.opengws.local.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {

    private final RouteTable table = RouteTable.load();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "/api/v2/me/devices, voice-service",
            "/api/v2/me/devices/5b0d7a2e/calls, voice-service",
            "/api/v2/me/calls/011DJV5JI898NB2L, voice-service",
            "/api/v2/me/channels/voice, voice-service",
            "/api/v2/devices, voice-service",
            "/api/v2/users/90cc5439ff6848748e5e67811273f266/devices, voice-service",
            "/api/v2/voice-environments/1, voice-service",
            "/api/v2/simulator/calls, voice-service",
            "/api/v2/simulator/calls/ABC, voice-service",
            "/api/v2/me/chats, chat-service",
            "/api/v2/me/chats/0001Da9PFC93000S, chat-service",
            "/api/v2/me/channels/chat, chat-service",
            "/api/v2/users/90cc5439/channels/chat, chat-service",
            "/api/v2/users/90cc5439/chats/0001Da9PFC93000S, chat-service",
            "/api/v2/chats/, chat-service",
            "/api/v2/chats/9f2c/messages, chat-service",
            "/api/v2/me/smssessions, sms-service",
            "/api/v2/me/channels/smssession, sms-service",
            "/api/v2/users/90cc5439/channels/smssession, sms-service",
            "/api/v2/users/90cc5439/smssessions/0001, sms-service",
            "/api/v2/smssessions/0001, sms-service",
            "/api/v2/simulator/sms, sms-service",
            "/api/v2/notifications, notification-service",
            "/api/v2/notifications/handshake, notification-service",
            "/api/v2/me, notification-service",
            "/api/v2/users, notification-service",
            "/api/v2/users/90cc5439ff6848748e5e67811273f266, notification-service",
            "/api/v2/contact-centers/abc, notification-service",
            "/api/v2/features, notification-service",
            "/api/v2/settings/general-settings, notification-service",
            "/api/v2/system/info, notification-service",
            "/api/v2/supervisor/monitoring-sessions, notification-service",
    })
    void routesEachPathOfTheArchitectureTableToItsService(String path, String service) {
        assertEquals(Optional.of(service), table.serviceFor(path));
    }

    @ParameterizedTest
    @CsvSource({"/api/v2/me/channels/email", "/api/v2/unknown", "/api/v2", "/api/v3/me", "/q/health", "/"})
    void pathsNoServiceServesHaveNoRoute(String path) {
        assertEquals(Optional.empty(), table.serviceFor(path));
    }

    @Test
    void theMostSpecificRouteWinsWhateverTheOrderOfTheLines() {
        RouteTable broadFirst = RouteTable.parse("notification-service users/**\nvoice-service users/*/devices/**\n");
        RouteTable specificFirst = RouteTable.parse("voice-service users/*/devices/**\nnotification-service users/**\n");
        for (RouteTable routes : new RouteTable[] {broadFirst, specificFirst}) {
            assertEquals(Optional.of("voice-service"), routes.serviceFor("/api/v2/users/1/devices"));
            assertEquals(Optional.of("notification-service"), routes.serviceFor("/api/v2/users/1"));
        }
    }

    @Test
    void everyServiceOfTheArchitectureHasRoutes() {
        assertEquals(java.util.Set.of("voice-service", "chat-service", "sms-service", "notification-service"),
                table.routes().stream().map(RouteTable.Route::service).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void malformedLinesAreRefusedWithTheirLineNumber() {
        IllegalArgumentException missingPattern = assertThrows(IllegalArgumentException.class,
                () -> RouteTable.parse("# comment\nvoice-service\n"));
        assertEquals(true, missingPattern.getMessage().contains("line 2"));
        assertThrows(IllegalArgumentException.class, () -> RouteTable.parse("voice-service /me/devices\n"));
        assertThrows(IllegalArgumentException.class, () -> RouteTable.parse("voice-service me/**/calls\n"));
    }
}
