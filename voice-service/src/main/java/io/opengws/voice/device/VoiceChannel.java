package io.opengws.voice.device;

import java.util.List;

import io.opengws.common.events.SessionEvent;
import io.opengws.common.identity.Caller;
import io.opengws.common.wire.GwsException;
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
public class VoiceChannel {

    public static final String CHANNEL = "voice";

    @Inject
    DeviceRepository devices;

    @Inject
    DeviceNotifications notifications;

    @Transactional
    void onSession(@Observes SessionEvent event) {
        List<Device> owned = devices.ofUser(event.userId());
        if (owned.isEmpty()) {
            return;
        }
        boolean active = event instanceof SessionEvent.SessionStarted started && started.channels().contains(CHANNEL);
        for (Device device : owned) {
            device.voiceActive = active;
            device.userState = AgentState.NotReady;
        }
        notifications.stateChanged(owned.get(0).contactCenterId, event.userId(), owned);
    }

    @Transactional
    public void change(Caller caller, AgentState state) {
        List<Device> owned = devices.ofUser(caller.userId());
        if (owned.stream().noneMatch(device -> device.voiceActive)) {
            throw GwsException.invalidParameter("The voice channel is not active: start a contact-center session with the channel voice"
                    + (owned.isEmpty() ? " on a user with a device." : " first, and wait for its DeviceStateChangeMessage."));
        }
        owned.forEach(device -> device.userState = state);
        notifications.stateChanged(caller.contactCenterId(), caller.userId(), owned);
    }
}
