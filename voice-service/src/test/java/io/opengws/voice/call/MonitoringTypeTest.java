package io.opengws.voice.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Reference 2.5 and decisions 1 to 3: mute, visibility and the one-way switches of each monitoring type. */
class MonitoringTypeTest {

    @Test
    void onlyListenInIsMuted() {
        assertEquals(true, MonitoringType.ListenIn.muted());
        assertEquals(false, MonitoringType.Coach.muted());
        assertEquals(false, MonitoringType.BargeIn.muted());
    }

    @Test
    void coachIsSeenByTheAgentOnlyAndBargeInByEveryone() {
        assertEquals(false, MonitoringType.ListenIn.visibleToMonitoredAgent());
        assertEquals(false, MonitoringType.ListenIn.visibleToOthers());
        assertEquals(true, MonitoringType.Coach.visibleToMonitoredAgent());
        assertEquals(false, MonitoringType.Coach.visibleToOthers());
        assertEquals(true, MonitoringType.BargeIn.visibleToMonitoredAgent());
        assertEquals(true, MonitoringType.BargeIn.visibleToOthers());
    }

    @Test
    void listenInAndCoachFlagTheAgentsCall() {
        assertEquals(true, MonitoringType.ListenIn.flagsListeningIn());
        assertEquals(true, MonitoringType.Coach.flagsListeningIn());
        assertEquals(false, MonitoringType.BargeIn.flagsListeningIn());
    }

    @Test
    void coachCannotBeEnteredAgainUnlessSwitchingIsFree() {
        assertEquals(EnumSet.of(MonitoringType.BargeIn), MonitoringType.ListenIn.switchesTo(false));
        assertEquals(EnumSet.of(MonitoringType.ListenIn, MonitoringType.BargeIn), MonitoringType.Coach.switchesTo(false));
        assertEquals(EnumSet.of(MonitoringType.ListenIn), MonitoringType.BargeIn.switchesTo(false));
        assertEquals(EnumSet.of(MonitoringType.Coach, MonitoringType.BargeIn), MonitoringType.ListenIn.switchesTo(true));
        assertEquals(EnumSet.of(MonitoringType.ListenIn, MonitoringType.Coach), MonitoringType.BargeIn.switchesTo(true));
    }

    @Test
    void switchOperationsNameTheirTarget() {
        assertEquals(Optional.of(MonitoringType.BargeIn), MonitoringType.ofSwitch("SwitchToBargeIn"));
        assertEquals(Optional.of(MonitoringType.Coach), MonitoringType.ofSwitch("SwitchToCoach"));
        assertEquals(Optional.empty(), MonitoringType.ofSwitch("SwitchToMonitor"));
    }
}
