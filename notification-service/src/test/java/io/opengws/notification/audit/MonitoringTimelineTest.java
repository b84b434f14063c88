package io.opengws.notification.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.opengws.notification.audit.MonitoringTimeline.Entry;
import io.opengws.notification.audit.MonitoringTimeline.Kind;
import io.opengws.notification.audit.MonitoringTimeline.ModeChange;

class MonitoringTimelineTest {

    private static final Instant T0 = Instant.parse("2025-03-14T09:00:00Z");
    private static final String SAM = "sup-sam";
    private static final String SUE = "sup-sue";
    private static final String ALICE = "agent-alice";

    private static Instant t(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static MonitoringAuditRow row(String kind, String supervisorId, String channel, String interactionId,
            String mode, String reason, Instant at) {
        MonitoringAuditRow row = new MonitoringAuditRow();
        row.eventId = kind + "|" + supervisorId + "|" + at;
        row.contactCenterId = "cc-1";
        row.channel = channel;
        row.supervisorId = supervisorId;
        row.agentId = ALICE;
        row.interactionId = interactionId;
        row.kind = kind;
        row.mode = mode;
        row.reason = reason;
        row.at = at;
        return row;
    }

    /** A subscription event: no interaction. */
    private static MonitoringAuditRow subscription(String kind, String supervisorId, String mode, String reason, Instant at) {
        return row(kind, supervisorId, "chat", null, mode, reason, at);
    }

    /** A session event: a supervisor inside one voice call. */
    private static MonitoringAuditRow session(String kind, String supervisorId, String callId, String mode, String reason, Instant at) {
        return row(kind, supervisorId, "voice", callId, mode, reason, at);
    }

    private static List<Entry> all(MonitoringAuditRow... events) {
        return MonitoringTimeline.of(List.of(events), Optional.empty(), Optional.empty());
    }

    // --- subscriptions and sessions --------------------------------------------------------------------------

    @Test
    void aSubscriptionThatStartedChangedModeAndEndedIsOneEntryWithBothModes() {
        List<Entry> entries = all(
                subscription("SubscriptionStarted", SAM, "Monitor", null, t(0)),
                subscription("ModeChanged", SAM, "Coach", null, t(5)),
                subscription("SubscriptionEnded", SAM, null, "cancelled", t(9)));

        assertThat(entries).containsExactly(new Entry(Kind.subscription, "cc-1", "chat", SAM, ALICE, null, t(0), t(9),
                "cancelled", List.of(new ModeChange("Monitor", t(0)), new ModeChange("Coach", t(5)))));
    }

    @Test
    void aSessionWithModeChangesListsEachModeWithItsTime() {
        List<Entry> entries = all(
                session("SessionStarted", SAM, "CALL1", "ListenIn", null, t(1)),
                session("ModeChanged", SAM, "CALL1", "Coach", null, t(2)),
                session("ModeChanged", SAM, "CALL1", "BargeIn", null, t(3)),
                session("SessionEnded", SAM, "CALL1", null, "interactionEnded", t(4)));

        assertThat(entries).containsExactly(new Entry(Kind.session, "cc-1", "voice", SAM, ALICE, "CALL1", t(1), t(4),
                "interactionEnded", List.of(new ModeChange("ListenIn", t(1)), new ModeChange("Coach", t(2)),
                        new ModeChange("BargeIn", t(3)))));
    }

    @Test
    void twoSupervisorsOnOneInteractionAreKeptApart() {
        List<Entry> entries = all(
                session("SessionStarted", SAM, "CALL1", "ListenIn", null, t(0)),
                session("SessionStarted", SUE, "CALL1", "ListenIn", null, t(1)),
                session("ModeChanged", SAM, "CALL1", "BargeIn", null, t(2)),
                session("SessionEnded", SUE, "CALL1", null, "cancelled", t(3)));

        assertThat(entries).hasSize(2);
        Entry sam = entries.get(0);
        Entry sue = entries.get(1);
        assertThat(sam.supervisorId()).isEqualTo(SAM);
        assertThat(sam.modes()).extracting(ModeChange::mode).containsExactly("ListenIn", "BargeIn");
        assertThat(sam.endedAt()).isNull();
        assertThat(sue.supervisorId()).isEqualTo(SUE);
        assertThat(sue.modes()).extracting(ModeChange::mode).containsExactly("ListenIn");
        assertThat(sue.endedAt()).isEqualTo(t(3));
        assertThat(sue.endReason()).isEqualTo("cancelled");
    }

    @Test
    void aSubscriptionAndASessionItLedToAreKeptApart() {
        List<Entry> entries = all(
                row("SubscriptionStarted", SAM, "chat", null, "Monitor", null, t(0)),
                row("SessionStarted", SAM, "chat", "CHAT1", "Monitor", null, t(1)),
                row("ModeChanged", SAM, "chat", "CHAT1", "BargeIn", null, t(2)),
                row("ModeChanged", SAM, "chat", null, "Coach", null, t(3)),
                row("SessionEnded", SAM, "chat", "CHAT1", null, "interactionEnded", t(4)));

        assertThat(entries).extracting(Entry::kind).containsExactly(Kind.subscription, Kind.session);
        assertThat(entries.get(0).modes()).extracting(ModeChange::mode).containsExactly("Monitor", "Coach");
        assertThat(entries.get(0).endedAt()).isNull();
        assertThat(entries.get(1).modes()).extracting(ModeChange::mode).containsExactly("Monitor", "BargeIn");
        assertThat(entries.get(1).endedAt()).isEqualTo(t(4));
    }

    @Test
    void aNewSubscriptionAfterAnEndedOneIsANewEntry() {
        List<Entry> entries = all(
                subscription("SubscriptionStarted", SAM, "Monitor", null, t(0)),
                subscription("SubscriptionEnded", SAM, null, "cancelled", t(1)),
                subscription("SubscriptionStarted", SAM, "Coach", null, t(2)));

        assertThat(entries).extracting(Entry::startedAt).containsExactly(t(0), t(2));
        assertThat(entries).extracting(Entry::endedAt).containsExactly(t(1), null);
    }

    @Test
    void anEndOrModeChangeWithoutAStartIsIgnored() {
        assertThat(all(
                session("ModeChanged", SAM, "CALL1", "Coach", null, t(1)),
                session("SessionEnded", SAM, "CALL1", null, "cancelled", t(2)),
                subscription("SubscriptionEnded", SAM, null, "logout", t(3)))).isEmpty();
    }

    @Test
    void anEventOfAnUnknownKindIsIgnored() {
        List<Entry> entries = all(
                session("SessionStarted", SAM, "CALL1", "ListenIn", null, t(0)),
                session("SessionPaused", SAM, "CALL1", "Paused", null, t(1)));

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.modes()).containsExactly(new ModeChange("ListenIn", t(0)));
            assertThat(entry.endedAt()).isNull();
        });
    }

    // --- the from/to filter ----------------------------------------------------------------------------------

    private static final List<MonitoringAuditRow> FOUR_SESSIONS = List.of(
            session("SessionStarted", SAM, "STARTED-BEFORE-ENDED-INSIDE", "ListenIn", null, t(0)),
            session("SessionStarted", SAM, "ENDED-BEFORE-FROM", "ListenIn", null, t(1)),
            session("SessionStarted", SAM, "STILL-OPEN", "ListenIn", null, t(2)),
            session("SessionEnded", SAM, "ENDED-BEFORE-FROM", null, "cancelled", t(5)),
            session("SessionEnded", SAM, "STARTED-BEFORE-ENDED-INSIDE", null, "cancelled", t(15)),
            session("SessionStarted", SAM, "STARTED-AFTER-TO", "ListenIn", null, t(30)));

    @Test
    void withoutFromOrToEveryEntryIsKept() {
        assertThat(MonitoringTimeline.of(FOUR_SESSIONS, Optional.empty(), Optional.empty())).hasSize(4);
    }

    @Test
    void fromAndToKeepTheEntriesThatOverlapThatPeriod() {
        List<Entry> entries = MonitoringTimeline.of(FOUR_SESSIONS, Optional.of(t(10)), Optional.of(t(20)));

        assertThat(entries).extracting(Entry::interactionId).containsExactly("STARTED-BEFORE-ENDED-INSIDE", "STILL-OPEN");
        assertThat(entries.get(1).endedAt()).isNull();
    }

    @Test
    void fromAloneDropsOnlyWhatEndedBeforeIt() {
        List<Entry> entries = MonitoringTimeline.of(FOUR_SESSIONS, Optional.of(t(10)), Optional.empty());

        assertThat(entries).extracting(Entry::interactionId)
                .containsExactly("STARTED-BEFORE-ENDED-INSIDE", "STILL-OPEN", "STARTED-AFTER-TO");
    }

    @Test
    void toAloneDropsOnlyWhatStartedAfterIt() {
        List<Entry> entries = MonitoringTimeline.of(FOUR_SESSIONS, Optional.empty(), Optional.of(t(20)));

        assertThat(entries).extracting(Entry::interactionId)
                .containsExactly("STARTED-BEFORE-ENDED-INSIDE", "ENDED-BEFORE-FROM", "STILL-OPEN");
    }
}
