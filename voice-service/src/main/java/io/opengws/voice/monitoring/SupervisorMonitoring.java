package io.opengws.voice.monitoring;

import java.util.List;
import java.util.Optional;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.events.MonitoringAuditEvent.Kind;
import io.opengws.common.wire.GwsException;
import io.opengws.voice.call.Call;
import io.opengws.voice.call.LegState;
import io.opengws.voice.call.MonitoringMode;
import io.opengws.voice.call.MonitoringScope;
import io.opengws.voice.call.MonitoringType;
import io.opengws.voice.call.Party;
import io.opengws.voice.call.PartyRole;
import io.opengws.voice.call.Supervision;
import io.opengws.voice.device.Device;
import io.opengws.voice.device.DeviceNotifications;
import io.opengws.voice.device.DeviceRepository;
import io.opengws.voice.repository.LegRepository;
import io.opengws.voice.repository.MonitoringSubscription;
import io.opengws.voice.repository.MonitoringSubscriptionRepository;
import io.opengws.voice.telephony.CallIds;
import io.opengws.voice.telephony.CallWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Voice supervisor monitoring (reference 2.4, decisions 2, 19, 23): the subscription on the supervisor's
 * device, the supervisor's leg joining each call its agent answers (or the current one, for BargeIn), and the
 * end of NextCall with its call. Runs inside a {@link CallWork}.
 */
@ApplicationScoped
public class SupervisorMonitoring {

    /** Decision 23: BargeIn joins the current call at once when this contact-center setting is true. */
    public static final String INTRUSION_SETTING = "voice.intrusion-enabled";

    @Inject
    MonitoringSubscriptionRepository subscriptions;

    @Inject
    DeviceRepository devices;

    @Inject
    LegRepository legs;

    @Inject
    DeviceNotifications deviceNotifications;

    @Inject
    MonitoringAudit audit;

    @Inject
    DirectoryReplica directory;

    /** ListenIn, Coach or BargeIn on the supervisor's device; a new request replaces the configuration. */
    public void configure(CallWork work, Device supervisorDevice, Device target, MonitoringType type, MonitoringScope scope,
            MonitoringMode mode, String phoneNumber) {
        MonitoringSubscription existing = subscriptions.findById(supervisorDevice.id);
        if (existing != null) {
            audit.record(existing.contactCenterId, existing.supervisorUserId, existing.targetUserId, null,
                    Kind.SubscriptionEnded, existing.type.name(), "replaced");
        }
        MonitoringSubscription subscription = existing != null ? existing : new MonitoringSubscription();
        subscription.supervisorDeviceId = supervisorDevice.id;
        subscription.contactCenterId = supervisorDevice.contactCenterId;
        subscription.supervisorUserId = supervisorDevice.userId;
        subscription.targetDeviceId = target.id;
        subscription.targetUserId = target.userId;
        subscription.type = type;
        subscription.scope = scope;
        subscription.mode = mode;
        subscription.phoneNumber = phoneNumber;
        subscription.spentOnCallId = null;
        subscription.createdAt = work.now();
        if (existing == null) {
            subscriptions.persist(subscription);
        }
        audit.record(subscription.contactCenterId, subscription.supervisorUserId, subscription.targetUserId, null,
                Kind.SubscriptionStarted, type.name(), null);
        deviceNotifications.ownerDevicesChanged(supervisorDevice);
        if (type == MonitoringType.BargeIn && intrusionEnabled(work.contactCenterId())) {
            intrude(work, subscription);
        }
    }

    public void cancel(Device supervisorDevice) {
        MonitoringSubscription subscription = subscriptions.findById(supervisorDevice.id);
        if (subscription == null) {
            throw GwsException.invalidParameter("CancelSupervisorMonitoring is not possible on device " + supervisorDevice.id
                    + ": no supervisor monitoring is configured on it.");
        }
        end(subscription, "cancelled");
        deviceNotifications.ownerDevicesChanged(supervisorDevice);
    }

    /** The supervisor's contact-center session ended (logout, expiry): its monitoring ends and does not come back. */
    public void endAllOf(String supervisorUserId, String reason) {
        for (MonitoringSubscription subscription : subscriptions.ofSupervisor(supervisorUserId)) {
            end(subscription, reason);
        }
    }

    public Optional<MonitoringSubscription> of(String supervisorDeviceId) {
        return subscriptions.findByIdOptional(supervisorDeviceId);
    }

    /**
     * After a change to calls: supervisors join the calls their agents just answered; supervisors who left a
     * call are audited, and a NextCall subscription spent on that call ends (decision 19).
     */
    public void afterChange(CallWork work) {
        for (Call call : work.calls()) {
            // Consultations are not monitored (T-Server's monitor-consult-calls=none): the supervisor meets the
            // consulted agent when a transfer or conference brings it into the monitored call.
            boolean consultation = call.parties.stream().anyMatch(party -> party.consultOfLegId != null);
            for (Party party : List.copyOf(call.parties)) {
                if (!consultation && party.role == PartyRole.AGENT && party.state == LegState.Established && !party.answered) {
                    party.answered = true;
                    for (MonitoringSubscription subscription : subscriptions.targeting(party.deviceId)) {
                        join(work, call, party, subscription);
                    }
                }
                if (party.isSupervisor() && work.releasedNow(party)) {
                    left(call, party);
                }
            }
        }
    }

    /** A monitoring call's type changed (reference 2.5). */
    public void modeChanged(Call call, Party supervisor) {
        audit.record(call.contactCenterId, supervisor.userId, supervisor.supervision.monitoredUserId, call.id,
                Kind.ModeChanged, supervisor.supervision.type.name(), null);
    }

    private void intrude(CallWork work, MonitoringSubscription subscription) {
        for (String legId : legs.idsOfDevice(subscription.targetDeviceId)) {
            Optional<Call> call = work.callOfLeg(legId);
            Optional<Party> agent = call.flatMap(found -> found.party(legId)).filter(party -> party.state == LegState.Established);
            if (agent.isPresent()) {
                join(work, call.get(), agent.get(), subscription);
                return;
            }
        }
    }

    private void join(CallWork work, Call call, Party agent, MonitoringSubscription subscription) {
        boolean alreadyThere = call.liveSupervisors().stream()
                .anyMatch(party -> party.supervision.subscriptionDeviceId.equals(subscription.supervisorDeviceId));
        boolean spent = subscription.mode == MonitoringMode.NextCall && subscription.spentOnCallId != null;
        Device device = devices.findById(subscription.supervisorDeviceId);
        if (alreadyThere || spent || device == null) {
            return;
        }
        if (subscription.mode == MonitoringMode.NextCall && !subscriptions.spendOn(subscription, call.id)) {
            return; // another call the agent answered at the same instant spent it (decision 19: one call)
        }
        Party leg = Party.of(CallIds.newId(), PartyRole.SUPERVISOR, device.id, device.userId, device.phoneNumber,
                LegState.Ringing, agent.callType, work.now());
        leg.supervision = new Supervision();
        leg.supervision.subscriptionDeviceId = subscription.supervisorDeviceId;
        leg.supervision.monitoredUserId = agent.userId;
        leg.supervision.monitoredLegId = agent.legId;
        leg.supervision.type = subscription.type;
        leg.supervision.scope = subscription.scope;
        leg.supervision.mode = subscription.mode;
        call.add(leg);
        audit.record(call.contactCenterId, leg.userId, agent.userId, call.id, Kind.SessionStarted, subscription.type.name(), null);
    }

    private void left(Call call, Party supervisor) {
        audit.record(call.contactCenterId, supervisor.userId, supervisor.supervision.monitoredUserId, call.id,
                Kind.SessionEnded, supervisor.supervision.type.name(), call.ended() ? "call-ended" : "left");
        MonitoringSubscription subscription = subscriptions.findById(supervisor.supervision.subscriptionDeviceId);
        if (subscription != null && subscription.mode == MonitoringMode.NextCall && call.id.equals(subscription.spentOnCallId)) {
            end(subscription, "next-call-ended");
            Device device = devices.findById(subscription.supervisorDeviceId);
            if (device != null) {
                deviceNotifications.ownerDevicesChanged(device);
            }
        }
    }

    private void end(MonitoringSubscription subscription, String reason) {
        audit.record(subscription.contactCenterId, subscription.supervisorUserId, subscription.targetUserId, null,
                Kind.SubscriptionEnded, subscription.type.name(), reason);
        subscriptions.delete(subscription);
        subscriptions.flush();
    }

    private boolean intrusionEnabled(String contactCenterId) {
        return directory.setting(contactCenterId, INTRUSION_SETTING).map(Boolean::parseBoolean).orElse(true);
    }
}
