package io.opengws.voice.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.directory.Features;
import io.opengws.common.wire.PublicOrigin;
import io.opengws.voice.repository.MonitoringSubscription;
import io.opengws.voice.repository.MonitoringSubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** The GWS device resource (reference 2.1), as GET answers and DeviceStateChangeMessage carry it. */
@ApplicationScoped
public class DeviceView {

    private final PublicOrigin origin;
    private final DirectoryReplica directory;
    private final MonitoringSubscriptionRepository subscriptions;

    public DeviceView(PublicOrigin origin, DirectoryReplica directory, MonitoringSubscriptionRepository subscriptions) {
        this.origin = origin;
        this.directory = directory;
        this.subscriptions = subscriptions;
    }

    public String path(String id) {
        return "/devices/" + id;
    }

    public String uri(String id) {
        return origin.uri(path(id));
    }

    public Map<String, Object> of(Device device) {
        MonitoringSubscription monitoring = subscriptions.findById(device.id);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", device.id);
        view.put("deviceState", device.voiceActive ? "Active" : "Inactive");
        view.put("userState", device.userState.view());
        view.put("phoneNumber", device.phoneNumber);
        view.put("e164Number", device.phoneNumber);
        view.put("telephonyNetwork", "Private");
        view.put("doNotDisturb", device.doNotDisturb ? "On" : "Off");
        if (device.forwardTo != null) {
            view.put("forwardTo", device.forwardTo);
        }
        view.put("voiceEnvironmentUri", origin.uri("/voice-environments/" + device.contactCenterId));
        view.put("capabilities", capabilities(device, monitoring != null));
        if (monitoring != null) {
            // Present only while monitoring is configured (reference 2.4).
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("state", monitoring.type.name());
            state.put("mode", monitoring.mode.name());
            state.put("scope", monitoring.scope.name());
            state.put("targetDeviceUri", uri(monitoring.targetDeviceId));
            if (monitoring.phoneNumber != null) {
                state.put("phoneNumber", monitoring.phoneNumber);
            }
            view.put("supervisorMonitoringState", state);
        }
        view.put("uri", uri(device.id));
        view.put("path", path(device.id));
        return view;
    }

    /** Reference 2.1: DND and forwarding toggles; a supervisor's device offers the monitoring operations. */
    List<String> capabilities(Device device, boolean monitoring) {
        List<String> capabilities = new ArrayList<>();
        capabilities.add(device.forwardTo == null ? "ForwardCallsOn" : "ForwardCallsOff");
        capabilities.add(device.doNotDisturb ? "DoNotDisturbOff" : "DoNotDisturbOn");
        boolean supervisor = directory.user(device.userId).map(user -> user.roles().contains("ROLE_SUPERVISOR")).orElse(false);
        if (supervisor && directory.hasFeature(device.contactCenterId, Features.SUPERVISOR_MONITORING)) {
            capabilities.addAll(List.of("ListenIn", "Coach", "BargeIn"));
            if (monitoring) {
                capabilities.add("CancelSupervisorMonitoring");
            }
        }
        return capabilities;
    }
}
