package io.opengws.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final Instant AT = Instant.parse("2025-03-14T09:26:53.589Z");

    static JsonNode tree(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    // --- round trips ----------------------------------------------------------------------------------------

    @Test
    void aContactCenterRecordRoundTrips() {
        ContactCenterRecord record = new ContactCenterRecord("cc-1", "Acme", List.of("api-voice", "api-multimedia"),
                Map.of("enableCsrfProtection", "true"), AT);

        String json = EventJson.write(record);

        assertThat(EventJson.read(json, ContactCenterRecord.class)).isEqualTo(record);
        assertThat(tree(json).get("features").size()).isEqualTo(2);
        assertThat(ContactCenterRecord.key("cc-1")).isEqualTo("cc:cc-1");
    }

    @Test
    void aUserRecordRoundTrips() {
        UserRecord record = new UserRecord("0123456789abcdef0123456789abcdef", "cc-1", "sup@acme.example",
                "$2a$10$abcdefghijklmnopqrstuu", "Sam", "Super", "sam@acme.example",
                List.of("ROLE_AGENT", "ROLE_SUPERVISOR"), true, AT);

        String json = EventJson.write(record);

        assertThat(EventJson.read(json, UserRecord.class)).isEqualTo(record);
        assertThat(tree(json).get("enabled").booleanValue()).isTrue();
        assertThat(UserRecord.key("u1")).isEqualTo("user:u1");
    }

    @Test
    void aSessionStartedIsReadBackThroughTheSessionEventInterfaceByItsType() {
        SessionEvent.SessionStarted started = new SessionEvent.SessionStarted("e-1", "u-1", "cc-1", "s-1",
                List.of("voice", "chat"), AT);

        String json = EventJson.write(started);

        assertThat(tree(json).get("type").asText()).isEqualTo("SessionStarted");
        SessionEvent read = EventJson.read(json, SessionEvent.class);
        assertThat(read).isInstanceOf(SessionEvent.SessionStarted.class).isEqualTo(started);
    }

    @Test
    void aSessionEndedIsReadBackThroughTheSessionEventInterfaceByItsType() {
        SessionEvent.SessionEnded ended = new SessionEvent.SessionEnded("e-2", "u-1", "cc-1", "s-1",
                SessionEvent.EndReason.expired, AT);

        String json = EventJson.write(ended);

        assertThat(tree(json).get("type").asText()).isEqualTo("SessionEnded");
        assertThat(tree(json).get("reason").asText()).isEqualTo("expired");
        SessionEvent read = EventJson.read(json, SessionEvent.class);
        assertThat(read).isInstanceOf(SessionEvent.SessionEnded.class).isEqualTo(ended);
    }

    @Test
    void theTypePropertyDecidesWhichSessionEventIsRead() {
        String json = "{\"type\":\"SessionEnded\",\"eventId\":\"e-3\",\"userId\":\"u-2\",\"sessionId\":\"s-2\","
                + "\"reason\":\"logout\",\"at\":\"2025-03-14T09:26:53Z\"}";

        SessionEvent read = EventJson.read(json, SessionEvent.class);

        assertThat(read).isEqualTo(new SessionEvent.SessionEnded("e-3", "u-2", null, "s-2",
                SessionEvent.EndReason.logout, Instant.parse("2025-03-14T09:26:53Z")));
    }

    @Test
    void aSessionEventOfAnUnknownTypeIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventJson.read("{\"type\":\"SessionPaused\",\"eventId\":\"e\"}", SessionEvent.class))
                .withMessageStartingWith("Not a SessionEvent event");
    }

    @Test
    void aNotificationEventRoundTripsItsDataUntouched() {
        ObjectNode data = EventJson.mapper().createObjectNode();
        data.put("messageType", "DeviceStateChangeMessage");
        data.putObject("device").put("id", "d-1").put("deviceState", "Active");
        data.putArray("calls").add("c-1");
        data.putNull("referenceId");
        NotificationEvent event = new NotificationEvent("e-4", "cc-1", "u-1", "/v2/me/devices", data, AT);

        String json = EventJson.write(event);
        NotificationEvent read = EventJson.read(json, NotificationEvent.class);

        assertThat(read).isEqualTo(event);
        assertThat(read.data()).isEqualTo(tree("{\"messageType\":\"DeviceStateChangeMessage\","
                + "\"device\":{\"id\":\"d-1\",\"deviceState\":\"Active\"},\"calls\":[\"c-1\"],\"referenceId\":null}"));
    }

    @Test
    void aMonitoringAuditEventRoundTrips() {
        MonitoringAuditEvent event = new MonitoringAuditEvent("e-5", "cc-1", "voice", "sup-1", "agent-1", "call-1",
                MonitoringAuditEvent.Kind.ModeChanged, "Coach", "SwitchToCoach", AT);

        String json = EventJson.write(event);

        assertThat(EventJson.read(json, MonitoringAuditEvent.class)).isEqualTo(event);
        assertThat(tree(json).get("kind").asText()).isEqualTo("ModeChanged");
    }

    /** Field names as ARCHITECTURE.md's "Contracts between services" table gives them. */
    @Test
    void notificationAndAuditEventsUseTheFieldNamesOfTheArchitectureContract() {
        JsonNode notification = tree(EventJson.write(new NotificationEvent("e", "cc", "u", "/v2/me/calls",
                EventJson.mapper().createObjectNode(), AT)));
        JsonNode audit = tree(EventJson.write(new MonitoringAuditEvent("e", "cc", "voice", "sup", "agent", "call",
                MonitoringAuditEvent.Kind.SessionStarted, "ListenIn", "requested", AT)));

        assertThat(notification.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "eventId", "contactCenterId", "userId", "channel", "data", "occurredAt");
        assertThat(audit.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "eventId", "contactCenterId", "channel", "supervisorId", "agentId", "interactionId", "kind", "mode",
                "reason", "at");
    }

    // --- format rules ---------------------------------------------------------------------------------------

    @Test
    void timestampsAreWrittenAsIso8601StringsWithT() {
        JsonNode json = tree(EventJson.write(new SessionEvent.SessionEnded("e", "u", "cc", "s",
                SessionEvent.EndReason.logout, AT)));

        assertThat(json.get("at").isTextual()).isTrue();
        assertThat(json.get("at").asText()).isEqualTo("2025-03-14T09:26:53.589Z");
    }

    @Test
    void nullsAreNotWritten() {
        String json = EventJson.write(new MonitoringAuditEvent("e-6", "cc-1", "chat", "sup-1", "agent-1", null,
                MonitoringAuditEvent.Kind.SubscriptionStarted, "Monitor", null, AT));

        assertThat(tree(json).has("interactionId")).isFalse();
        assertThat(tree(json).has("reason")).isFalse();
        assertThat(json).doesNotContain("null");
        assertThat(tree(json).get("channel").asText()).isEqualTo("chat");
    }

    @Test
    void unknownFieldsInTheInputAreIgnored() {
        String json = "{\"id\":\"cc-1\",\"name\":\"Acme\",\"addedLater\":{\"x\":[1,2]},\"features\":[\"api-voice\"],"
                + "\"region\":\"eu\",\"updatedAt\":\"2025-03-14T09:26:53.589Z\"}";

        ContactCenterRecord read = EventJson.read(json, ContactCenterRecord.class);

        assertThat(read).isEqualTo(new ContactCenterRecord("cc-1", "Acme", List.of("api-voice"), null, AT));
    }

    @Test
    void unknownFieldsAreIgnoredInASessionEventToo() {
        String json = "{\"type\":\"SessionStarted\",\"eventId\":\"e-7\",\"userId\":\"u-1\",\"sessionId\":\"s-1\","
                + "\"device\":\"added later\",\"channels\":[\"voice\"]}";

        assertThat(EventJson.read(json, SessionEvent.class))
                .isEqualTo(new SessionEvent.SessionStarted("e-7", "u-1", null, "s-1", List.of("voice"), null));
    }

    @Test
    void malformedInputIsRefusedNamingTheExpectedType() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventJson.read("{\"id\":", UserRecord.class))
                .withMessageStartingWith("Not a UserRecord event");
    }

    // --- topics ---------------------------------------------------------------------------------------------

    @Test
    void allTopicsListsEachTopicConstantExactlyOnce() {
        assertThat(Topics.ALL).extracting(Topics.Spec::name).containsExactlyInAnyOrder(
                Topics.DIRECTORY, Topics.SESSIONS, Topics.NOTIFICATIONS_VOICE, Topics.NOTIFICATIONS_CHAT,
                Topics.NOTIFICATIONS_SMS, Topics.MONITORING_AUDIT);
    }

    /** ARCHITECTURE.md, "Contracts between services". */
    @Test
    void topicNamesAreTheOnesTheArchitectureContractTableNames() {
        assertThat(List.of(Topics.DIRECTORY, Topics.SESSIONS, Topics.NOTIFICATIONS_VOICE, Topics.NOTIFICATIONS_CHAT,
                Topics.NOTIFICATIONS_SMS, Topics.MONITORING_AUDIT)).containsExactly(
                        "gws.directory", "gws.sessions", "gws.notifications.voice", "gws.notifications.chat",
                        "gws.notifications.sms", "gws.monitoring-audit");
    }

    @Test
    void onlyTheDirectoryIsCompacted() {
        assertThat(Topics.ALL).filteredOn(Topics.Spec::compacted).extracting(Topics.Spec::name)
                .containsExactly("gws.directory");
    }

    @Test
    void everyTopicHasAtLeastOnePartition() {
        assertThat(Topics.ALL).allSatisfy(spec -> assertThat(spec.partitions()).isPositive());
    }
}
