package io.opengws.voice.device;

import java.util.List;

import io.opengws.common.directory.Features;
import io.opengws.common.identity.Caller;
import io.opengws.common.identity.FeatureGate;
import io.opengws.common.identity.Role;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.OperationRequest;
import io.opengws.common.wire.Operations;
import io.opengws.voice.call.MonitoringMode;
import io.opengws.voice.call.MonitoringScope;
import io.opengws.voice.call.MonitoringType;
import io.opengws.voice.monitoring.SupervisorMonitoring;
import io.opengws.voice.telephony.CallControl;
import io.opengws.voice.telephony.RetriedOnDeadlock;
import io.opengws.voice.telephony.RoutingPasses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The operations of {@code POST /api/v2/me/devices/{id}} (reference 2.1, 2.4): Do Not Disturb, forwarding,
 * and the supervisor monitoring configured on the supervisor's own device. Each must be among the device's
 * capabilities at that moment, so that what the device offers and what it accepts never disagree.
 */
@ApplicationScoped
@RetriedOnDeadlock
public class DeviceControl {

    private record Target(Caller caller, Device device) {
    }

    private final Operations<Target> operations = Operations.<Target>of("device")
            .on("DoNotDisturbOn", (target, request) -> doNotDisturb(target, true))
            .on("DoNotDisturbOff", (target, request) -> doNotDisturb(target, false))
            .on("ForwardCallsOn", this::forwardOn)
            .on("ForwardCallsOff", (target, request) -> forwardOff(target))
            .on("ListenIn", (target, request) -> monitor(target, MonitoringType.ListenIn, request))
            .on("Coach", (target, request) -> monitor(target, MonitoringType.Coach, request))
            .on("BargeIn", (target, request) -> monitor(target, MonitoringType.BargeIn, request))
            .on("CancelSupervisorMonitoring", (target, request) -> cancel(target))
            .build();

    @Inject
    DeviceRepository devices;

    @Inject
    DeviceView views;

    @Inject
    DeviceNotifications notifications;

    @Inject
    CallControl calls;

    @Inject
    SupervisorMonitoring monitoring;

    @Inject
    FeatureGate features;

    @Inject
    Event<RoutingPasses.RoutingNeeded> routingNeeded;

    @Transactional
    public void operate(Caller caller, String deviceId, OperationRequest request) {
        Device device = devices.findByIdOptional(deviceId)
                .filter(found -> caller.userId().equals(found.userId) && caller.contactCenterId().equals(found.contactCenterId))
                .orElseThrow(() -> GwsException.notFound("There is no device '" + GwsException.echo(deviceId) + "' of yours."));
        operations.dispatch(new Target(caller, device), request);
    }

    private Object doNotDisturb(Target target, boolean on) {
        require(target, on ? "DoNotDisturbOn" : "DoNotDisturbOff");
        target.device.doNotDisturb = on;
        changed(target);
        if (!on) {
            // A call may be waiting for this agent.
            routingNeeded.fire(new RoutingPasses.RoutingNeeded(target.caller.contactCenterId()));
        }
        return null;
    }

    private Object forwardOn(Target target, OperationRequest request) {
        require(target, "ForwardCallsOn");
        String forwardTo = request.requiredString("forwardTo");
        if (!forwardTo.matches("\\+?[0-9]{1,20}") || forwardTo.equals(target.device.phoneNumber)) {
            throw GwsException.invalidParameter("The forwardTo '" + GwsException.echo(forwardTo)
                    + "' must be digits, optionally after a +, and not the device's own number.");
        }
        target.device.forwardTo = forwardTo;
        changed(target);
        return null;
    }

    private Object forwardOff(Target target) {
        require(target, "ForwardCallsOff");
        target.device.forwardTo = null;
        changed(target);
        return null;
    }

    private Object monitor(Target target, MonitoringType type, OperationRequest request) {
        requireSupervisor(target.caller);
        require(target, type.name());
        String targetDeviceUri = request.requiredString("targetDeviceUri");
        MonitoringScope scope = request.optionalEnum("supervisorMonitoringScope", MonitoringScope.class).orElse(MonitoringScope.Call);
        MonitoringMode mode = request.optionalEnum("supervisorMonitoringMode", MonitoringMode.class).orElse(MonitoringMode.AllCalls);
        String phoneNumber = request.optionalString("phoneNumber").orElse(null);
        Device monitored = monitoredDevice(target, targetDeviceUri);
        calls.change(target.caller.contactCenterId(), work -> {
            monitoring.configure(work, target.device, monitored, type, scope, mode, phoneNumber);
            return null;
        });
        return null;
    }

    private Object cancel(Target target) {
        requireSupervisor(target.caller);
        require(target, "CancelSupervisorMonitoring");
        calls.change(target.caller.contactCenterId(), work -> {
            monitoring.cancel(target.device);
            return null;
        });
        return null;
    }

    /** {@code targetDeviceUri} ends with {@code /devices/{id}}; the device must be an agent's of this contact center. */
    private Device monitoredDevice(Target target, String targetDeviceUri) {
        int at = targetDeviceUri.lastIndexOf("/devices/");
        String id = at < 0 ? targetDeviceUri : targetDeviceUri.substring(at + "/devices/".length());
        Device monitored = devices.findByIdOptional(id)
                .filter(found -> found.contactCenterId.equals(target.caller.contactCenterId()) && found.userId != null)
                .orElseThrow(() -> GwsException.notFound("There is no device at targetDeviceUri '" + GwsException.echo(targetDeviceUri) + "'."));
        if (monitored.id.equals(target.device.id) || target.caller.userId().equals(monitored.userId)) {
            throw GwsException.invalidParameter("A supervisor cannot monitor its own device.");
        }
        return monitored;
    }

    private void requireSupervisor(Caller caller) {
        if (!caller.has(Role.ROLE_SUPERVISOR)) {
            throw GwsException.notPermitted("Supervisor monitoring needs the role ROLE_SUPERVISOR.");
        }
        features.require(caller, Features.SUPERVISOR_MONITORING);
    }

    private void require(Target target, String operationName) {
        List<String> capabilities = views.capabilities(target.device, monitoring.of(target.device.id).isPresent());
        if (!capabilities.contains(operationName)) {
            throw GwsException.invalidParameter(operationName + " is not possible on device " + target.device.phoneNumber
                    + " now; possible: " + capabilities + ".");
        }
    }

    private void changed(Target target) {
        notifications.ownerDevicesChanged(target.device);
    }
}
