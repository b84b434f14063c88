package io.opengws.voice.device;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opengws.common.events.EventJson;
import io.opengws.common.events.NotificationEvent;
import io.opengws.common.events.Topics;
import io.opengws.common.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** DeviceStateChangeMessage on /v2/me/devices for a device's owner, written with the change that caused it. */
@ApplicationScoped
public class DeviceNotifications {

    public static final String DEVICES_CHANNEL = "/v2/me/devices";

    @Inject
    Outbox outbox;

    @Inject
    DeviceView views;

    @Inject
    DeviceRepository repository;

    /** Must run in the transaction of the change. */
    public void stateChanged(String contactCenterId, String userId, List<Device> devices) {
        stateChanged(contactCenterId, userId, devices, null);
    }

    /** The devices of {@code device}'s owner changed. */
    public void ownerDevicesChanged(Device device) {
        stateChanged(device.contactCenterId, device.userId, repository.ofUser(device.userId), null);
    }

    /** {@code activatesChannel}: this message confirms the voice channel's activation (decision 13). */
    public void stateChanged(String contactCenterId, String userId, List<Device> devices, String activatesChannel) {
        ObjectNode data = EventJson.mapper().createObjectNode();
        data.put("messageType", "DeviceStateChangeMessage");
        data.set("devices", EventJson.mapper().valueToTree(devices.stream().map(views::of).toList()));
        String eventId = Outbox.newEventId();
        outbox.add(Topics.NOTIFICATIONS_VOICE, userId, eventId,
                new NotificationEvent(eventId, contactCenterId, userId, DEVICES_CHANNEL, data, Instant.now(), activatesChannel));
    }
}
