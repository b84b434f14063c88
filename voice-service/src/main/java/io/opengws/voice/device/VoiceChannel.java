package io.opengws.voice.device;

import java.util.List;

import io.opengws.common.events.SessionEvent;
import io.opengws.common.identity.Caller;
import io.opengws.common.wire.GwsException;
import io.opengws.voice.monitoring.SupervisorMonitoring;
import io.opengws.voice.telephony.CallControl;
import io.opengws.voice.telephony.RetriedOnDeadlock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The agent's voice channel: activated by a contact-center session that includes voice (gws.sessions),
 * then Ready or NotReady at the agent's request (decision 13: Ready before activation answers statusCode 2;
 * Ready while Ready answers 0). Every change is notified to the agent.
 */
@ApplicationScoped
@RetriedOnDeadlock
public class VoiceChannel {

    public static final String CHANNEL = "voice";

    @Inject
    DeviceRepository devices;

    @Inject
    DeviceNotifications notifications;

    @Inject
    CallControl calls;

    @Inject
    SupervisorMonitoring monitoring;

    @Transactional
    void onSession(@Observes SessionEvent event) {
        List<Device> owned = devices.ofUser(event.userId());
        if (owned.isEmpty()) {
            return;
        }
        boolean active = event instanceof SessionEvent.SessionStarted started && started.channels().contains(CHANNEL);
        calls.change(owned.get(0).contactCenterId, work -> {
            for (Device device : owned) {
                device.voiceActive = active;
                device.userState = AgentState.NotReady;
            }
            if (event instanceof SessionEvent.SessionEnded ended) {
                // CONTRACT.md section 3: monitoring ends with the supervisor's session and does not come back.
                monitoring.endAllOf(event.userId(), ended.reason().name());
            }
            notifications.stateChanged(owned.get(0).contactCenterId, event.userId(), owned, active ? CHANNEL : null);
            return null;
        });
    }

    @Transactional
    public void change(Caller caller, AgentState state) {
        List<Device> owned = devices.ofUser(caller.userId());
        if (owned.stream().noneMatch(device -> device.voiceActive)) {
            throw GwsException.invalidParameter("The voice channel is not active: start a contact-center session with the channel voice"
                    + (owned.isEmpty() ? " on a user with a device." : " first, and wait for its DeviceStateChangeMessage."));
        }
        calls.change(caller.contactCenterId(), work -> {
            if (state == AgentState.Ready) {
                work.agentAvailable();
            }
            for (Device device : owned) {
                if (state == AgentState.Ready && device.userState != AgentState.Ready) {
                    device.idleSince = work.now();
                }
                device.userState = state;
            }
            notifications.stateChanged(caller.contactCenterId(), caller.userId(), owned);
            return null;
        });
    }
}
