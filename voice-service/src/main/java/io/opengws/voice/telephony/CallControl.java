package io.opengws.voice.telephony;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opengws.common.identity.Caller;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.OperationRequest;
import io.opengws.voice.call.Call;
import io.opengws.voice.call.CallOperation;
import io.opengws.voice.call.CallStateMachine;
import io.opengws.voice.call.CallType;
import io.opengws.voice.call.ConsultKind;
import io.opengws.voice.call.LegContext;
import io.opengws.voice.call.LegState;
import io.opengws.voice.call.MonitoringType;
import io.opengws.voice.call.Party;
import io.opengws.voice.call.PartyRole;
import io.opengws.voice.device.AgentState;
import io.opengws.voice.device.Device;
import io.opengws.voice.device.DeviceNotifications;
import io.opengws.voice.device.DeviceRepository;
import io.opengws.voice.monitoring.SupervisorMonitoring;
import io.opengws.voice.repository.CallRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Every change to calls goes through {@link #change}: the change itself (each call it reads locked), then
 * supervisors join what their agents answered, a call the change queued is offered to a free agent (under the
 * contact center's lock), and every party is told what changed for it, all in one transaction; a change that
 * freed an agent is followed by a routing pass after its commit ({@link RoutingPasses}). A transaction that
 * PostgreSQL ends for a deadlock runs again ({@link RetriedOnDeadlock}). The agent operations of reference 2.3 and the in-call supervisor operations of 2.5 are here; each is checked
 * against {@link CallStateMachine} first.
 */
@ApplicationScoped
@RetriedOnDeadlock
public class CallControl {

    @Inject
    CallStore store;

    @Inject
    Router router;

    @Inject
    Destinations destinations;

    @Inject
    SupervisorMonitoring monitoring;

    @Inject
    DeviceRepository devices;

    @Inject
    DeviceNotifications deviceNotifications;

    @Inject
    EntityManager entityManager;

    @Inject
    CallRepository queue;

    @Inject
    Event<RoutingPasses.RoutingNeeded> routingNeeded;

    /** Runs {@code change} on the calls of a contact center and settles what follows from it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T change(String contactCenterId, Function<CallWork, T> change) {
        return settle(store.begin(contactCenterId), change);
    }

    private <T> T settle(CallWork work, Function<CallWork, T> change) {
        T result = change.apply(work);
        monitoring.afterChange(work);
        markIdle(work);
        router.offerWaitingCalls(work);
        store.finish(work);
        if (work.routesAfterCommit()) {
            routingNeeded.fire(new RoutingPasses.RoutingNeeded(work.contactCenterId()));
        }
        return result;
    }

    /**
     * A routing pass ({@link RoutingPasses}): the waiting calls of a contact center are offered to free agents.
     * When nothing waits, it ends without the routing lock: a pass follows every commit that queued a call, so a
     * call queued after this read has a pass of its own.
     */
    @Transactional
    public void routeWaitingCalls(String contactCenterId) {
        if (queue.queuedIds(contactCenterId).isEmpty()) {
            return;
        }
        change(contactCenterId, work -> {
            work.routeWaitingCalls();
            return null;
        });
    }

    // ---- POST /api/v2/me/devices/{id}/calls ------------------------------------------------------------

    @Transactional
    public void dial(Caller caller, String deviceId, OperationRequest request) {
        Device device = ownActiveDevice(caller, deviceId);
        String number = destination(request);
        Optional<Map<String, Object>> userData = userData(request, false);
        change(caller.contactCenterId(), work -> {
            Destination destination = destinations.resolve(caller.contactCenterId(), number);
            Call call = newCall(work, device.phoneNumber, destination.phoneNumber());
            userData.ifPresent(call.userData::putAll);
            Party me = call.add(agentParty(work, device, LegState.Dialing,
                    destination instanceof Destination.Outside ? CallType.Outbound : CallType.Internal));
            work.start(call);
            reach(work, call, me, destination, CallType.Internal);
            return null;
        });
    }

    // ---- POST /api/v2/me/calls/{id} --------------------------------------------------------------------

    /**
     * An operation that changes only its own call starts from the call as this service last wrote it, if it has it,
     * and is one statement to the database ({@link CallStore#beginFromMemory}). If that call has moved on, or the
     * operation is refused on it (the copy may be older than the row), it is done again from the row, locked: an
     * answer that an operation is not allowed always comes from the row.
     */
    public void operate(Caller caller, String legId, String operationName, OperationRequest request) {
        CallOperation operation = CallOperation.of(operationName).orElseThrow(() -> GwsException.invalidParameter(
                "The operationName '" + GwsException.echo(operationName) + "' is not a call operation."));
        if (operation.changesOnlyItsCall() && store.remembers(legId)) {
            try {
                QuarkusTransaction.disallowingExisting().run(() -> settle(store.beginFromMemory(caller.contactCenterId()),
                        work -> operate(work, caller, legId, operation, request)));
                return;
            } catch (StaleCall | GwsException decidedFromMemory) {
                // Done again from the row, below.
            }
        }
        QuarkusTransaction.disallowingExisting().run(() -> change(caller.contactCenterId(), work -> operate(work, caller, legId, operation, request)));
    }

    private Void operate(CallWork work, Caller caller, String legId, CallOperation operation, OperationRequest request) {
        Call call = work.callOfLeg(legId).orElseThrow(() -> unknownCall(legId));
        Party party = call.party(legId).filter(found -> caller.userId().equals(found.userId)).orElseThrow(() -> unknownCall(legId));
        LegContext context = work.context(call, party);
        if (!CallStateMachine.allows(operation, context)) {
            throw GwsException.invalidParameter(CallStateMachine.refusal(operation, context));
        }
        perform(work, context, operation, request);
        return null;
    }

    /** The caller's live calls, as it sees them (GET /api/v2/me/calls). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Map<String, Object>> callsOf(Caller caller) {
        List<String> deviceIds = devices.ofUser(caller.userId()).stream().map(device -> device.id).toList();
        CallWork work = store.read(caller.contactCenterId());
        return store.legsOf(deviceIds).stream()
                .flatMap(leg -> work.callOfLeg(leg.id).flatMap(call -> call.party(leg.id).map(party -> work.view(call, party))).stream())
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Object> callOf(Caller caller, String legId) {
        CallWork work = store.read(caller.contactCenterId());
        Call call = work.callOfLeg(legId).orElseThrow(() -> unknownCall(legId));
        Party party = call.party(legId).filter(found -> caller.userId().equals(found.userId) && found.live())
                .orElseThrow(() -> unknownCall(legId));
        return work.view(call, party);
    }

    private void perform(CallWork work, LegContext context, CallOperation operation, OperationRequest request) {
        Call call = context.call();
        Party party = context.party();
        Instant now = work.now();
        switch (operation) {
            case Answer -> call.answer(party, now);
            case Hangup -> hangup(work, call, party);
            case Hold -> party.state = LegState.Held;
            case Retrieve -> call.establish(party, now);
            case MuteCall -> party.muted = true;
            case UnmuteCall -> party.muted = false;
            case SendDtmf -> dtmf(request);
            case AttachUserData, UpdateUserData -> call.userData.putAll(userData(request, true).orElseThrow());
            case DeleteUserData -> call.userData.clear();
            case DeleteUserDataPair -> deleteUserDataPair(call, request.requiredString("key"));
            case InitiateTransfer -> consult(work, context, ConsultKind.Transfer, request);
            case InitiateConference -> consult(work, context, ConsultKind.Conference, request);
            case CompleteTransfer, CompleteConference -> complete(work, context, operation, request);
            case SingleStepTransfer -> singleStep(work, call, party, request, true);
            case SingleStepConference -> singleStep(work, call, party, request, false);
            case RemoveParticipantFromConference -> removeParticipant(call, party, request);
            case SwapCalls -> swap(context, now);
            case SwitchToListenIn, SwitchToCoach, SwitchToBargeIn -> switchMonitoring(call, party,
                    MonitoringType.ofSwitch(operation.name()).orElseThrow());
            case MuteMonitoredUser -> party.supervision.monitoredUserMuted = true;
            case UnmuteMonitoredUser -> party.supervision.monitoredUserMuted = false;
        }
    }

    /**
     * A routed call the agent does not take goes back to its place in the queue, and the agent is made
     * NotReady so that it is not offered again at once.
     */
    private void hangup(CallWork work, Call call, Party party) {
        if (call.hangUp(party)) {
            work.callQueued();
            Device device = devices.findById(party.deviceId);
            device.userState = AgentState.NotReady;
            deviceNotifications.ownerDevicesChanged(device);
        }
        unlinkConsultation(work, party);
    }

    /** A consultation ends when either of its legs is hung up: the other leg becomes an ordinary call. */
    private void unlinkConsultation(CallWork work, Party party) {
        party.partnerLegId().flatMap(partnerId -> work.callOfLeg(partnerId).flatMap(call -> call.party(partnerId))).ifPresent(partner -> {
            partner.consultLegId = null;
            partner.consultOfLegId = null;
            partner.consultKind = null;
        });
    }

    private void consult(CallWork work, LegContext context, ConsultKind kind, OperationRequest request) {
        Party original = context.party();
        String number = destination(request);
        Optional<Map<String, Object>> extra = userData(request, false);
        Destination destination = destinations.resolve(work.contactCenterId(), number);
        Device device = devices.findById(original.deviceId);
        original.state = LegState.Held;
        Call consult = newCall(work, device.phoneNumber, destination.phoneNumber());
        consult.userData.putAll(context.call().userData);
        extra.ifPresent(consult.userData::putAll);
        Party leg = consult.add(agentParty(work, device, LegState.Dialing, CallType.Consult));
        leg.consultOfLegId = original.legId;
        leg.consultKind = kind;
        original.consultLegId = leg.legId;
        original.consultKind = kind;
        work.start(consult);
        reach(work, consult, leg, destination, CallType.Consult);
    }

    private void complete(CallWork work, LegContext context, CallOperation operation, OperationRequest request) {
        Party party = context.party();
        Party partner = context.partner().orElseThrow();
        Call partnerCall = context.partnerCall().orElseThrow();
        request.optionalString("consultCallUri").ifPresent(uri -> {
            String consultLegId = party.consultOfLegId != null ? party.legId : partner.legId;
            if (!uri.endsWith("/" + consultLegId)) {
                throw GwsException.invalidParameter("The consultCallUri '" + GwsException.echo(uri)
                        + "' is not the consultation of call " + party.legId + ".");
            }
        });
        boolean onConsult = party.consultOfLegId != null;
        Call original = onConsult ? partnerCall : context.call();
        Party held = onConsult ? partner : party;
        Call consult = onConsult ? context.call() : partnerCall;
        Party consultLeg = onConsult ? party : partner;
        if (operation == CallOperation.CompleteTransfer) {
            Call.completeTransfer(original, held, consult, consultLeg);
        } else {
            Call.completeConference(original, held, consult, consultLeg, work.now());
        }
    }

    private void singleStep(CallWork work, Call call, Party party, OperationRequest request, boolean transfer) {
        Destination destination = destinations.resolve(work.contactCenterId(), destination(request));
        userData(request, false).ifPresent(call.userData::putAll);
        boolean fromOutside = call.livePrincipals().stream().anyMatch(other -> other.role == PartyRole.CUSTOMER);
        reach(work, call, party, destination, fromOutside ? CallType.Inbound : CallType.Internal);
        if (transfer) {
            call.release(party);
        }
    }

    private void removeParticipant(Call call, Party party, OperationRequest request) {
        String number = request.optionalString("participant").or(() -> request.optionalString("phoneNumber"))
                .orElseThrow(() -> GwsException.missingParameter("participant"));
        Party removed = call.livePrincipals().stream().filter(other -> other != party && number.equals(other.phoneNumber))
                .findFirst().orElseThrow(() -> GwsException.invalidParameter("The number '" + GwsException.echo(number)
                        + "' is not a participant of call " + party.legId + "."));
        call.release(removed);
    }

    private void swap(LegContext context, Instant now) {
        Party party = context.party();
        Party partner = context.partner().orElseThrow();
        if (party.state == LegState.Established) {
            party.state = LegState.Held;
            context.partnerCall().orElseThrow().establish(partner, now);
        } else {
            partner.state = LegState.Held;
            context.call().establish(party, now);
        }
    }

    private void switchMonitoring(Call call, Party supervisor, MonitoringType target) {
        if (supervisor.supervision.type == MonitoringType.BargeIn) {
            // The agent muted for a barge-in is heard again once the supervisor stops talking to everyone.
            supervisor.supervision.monitoredUserMuted = false;
        }
        supervisor.supervision.type = target;
        monitoring.modeChanged(call, supervisor);
    }

    /** The called party of a new call, a consultation or a single-step transfer or conference. */
    private void reach(CallWork work, Call call, Party caller, Destination destination, CallType calleeType) {
        if (destination instanceof Destination.ToDevice toDevice) {
            Device device = toDevice.device();
            if (device.id.equals(caller.deviceId)) {
                throw GwsException.invalidParameter("A device cannot call its own number " + device.phoneNumber + ".");
            }
            if (device.doNotDisturb) {
                throw GwsException.invalidParameter("The device " + device.phoneNumber + " does not accept calls: Do Not Disturb is on.");
            }
            call.add(agentParty(work, device, LegState.Ringing, calleeType));
        } else if (destination instanceof Destination.ToRoutingPoint) {
            router.enqueue(work, call);
        } else {
            Party customer = call.add(customerParty(work, destination.phoneNumber(), LegState.Ringing, CallType.Inbound));
            // Nothing answers outside numbers here: they pick up at once, after the caller saw Dialing.
            store.publish(work);
            call.answer(customer, work.now());
        }
    }

    // ---- the customer simulator (CONTRACT.md section 4) -------------------------------------------------

    /** An outside number calls the routing point or an agent's number; the call's id identifies it. */
    @Transactional
    public String inboundCall(Caller admin, String from, String to) {
        if (from == null || !from.matches("\\+?[0-9]{1,20}")) {
            throw GwsException.invalidParameter("The from '" + GwsException.echo(String.valueOf(from)) + "' must be digits, optionally after a +.");
        }
        return change(admin.contactCenterId(), work -> {
            Destination destination = destinations.resolve(admin.contactCenterId(), to);
            if (destination instanceof Destination.Outside) {
                throw GwsException.notFound("The number '" + GwsException.echo(to) + "' is neither a device nor the routing point of this contact center.");
            }
            Call call = newCall(work, from, destination.phoneNumber());
            Party customer = call.add(customerParty(work, from, LegState.Dialing, CallType.Outbound));
            work.start(call);
            reach(work, call, customer, destination, CallType.Inbound);
            return call.id;
        });
    }

    @Transactional
    public void customerHangup(Caller admin, String callId) {
        change(admin.contactCenterId(), work -> {
            Call call = work.call(callId).orElseThrow(() -> unknownCall(callId));
            Party customer = customerOf(call).orElseThrow(() -> GwsException.invalidParameter(
                    "Hangup is not possible on call " + callId + ": the customer has already hung up."));
            call.release(customer);
            return null;
        });
    }

    /** The call as the simulated customer sees it: a BargeIn supervisor, never a Coach or a ListenIn one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Object> customerView(Caller admin, String callId) {
        CallWork work = store.read(admin.contactCenterId());
        Call call = work.call(callId).orElseThrow(() -> unknownCall(callId));
        Party customer = customerOf(call).orElseThrow(() -> unknownCall(callId));
        Map<String, Object> view = new LinkedHashMap<>(work.view(call, customer));
        view.put("id", call.id);
        view.remove("uri");
        view.remove("path");
        return view;
    }

    private static Optional<Party> customerOf(Call call) {
        return call.livePrincipals().stream().filter(party -> party.role == PartyRole.CUSTOMER).findFirst();
    }

    // ---- building blocks ------------------------------------------------------------------------------

    private Call newCall(CallWork work, String ani, String dnis) {
        Call call = new Call();
        call.id = CallIds.newId();
        call.connId = CallIds.newConnId();
        call.contactCenterId = work.contactCenterId();
        call.ani = ani;
        call.dnis = dnis;
        call.createdAt = work.now();
        return call;
    }

    private static Party agentParty(CallWork work, Device device, LegState state, CallType type) {
        return Party.of(CallIds.newId(), PartyRole.AGENT, device.id, device.userId, device.phoneNumber, state, type, work.now());
    }

    private static Party customerParty(CallWork work, String number, LegState state, CallType type) {
        return Party.of(CallIds.newId(), PartyRole.CUSTOMER, null, null, number, state, type, work.now());
    }

    /** Devices whose last live leg ended in this work are idle from now on (routing: longest idle first). */
    private void markIdle(CallWork work) {
        for (Call call : work.calls()) {
            for (Party party : call.parties) {
                if (party.deviceId != null && work.releasedNow(party)) {
                    work.deviceIdle(party.deviceId);
                }
            }
        }
    }

    private Device ownActiveDevice(Caller caller, String deviceId) {
        Device device = devices.findByIdOptional(deviceId)
                .filter(found -> caller.userId().equals(found.userId) && caller.contactCenterId().equals(found.contactCenterId))
                .orElseThrow(() -> GwsException.notFound("There is no device '" + GwsException.echo(deviceId) + "' of yours."));
        if (!device.voiceActive) {
            throw GwsException.invalidParameter("The voice channel is not active on device " + device.phoneNumber
                    + ": start a contact-center session with the channel voice first.");
        }
        return device;
    }

    private static String destination(OperationRequest request) {
        ObjectNode destination = request.optionalObject("destination").orElseThrow(() -> GwsException.missingParameter("destination"));
        JsonNode number = destination.get("phoneNumber");
        if (number == null || number.isNull()) {
            throw GwsException.missingParameter("destination.phoneNumber");
        }
        if (!number.isTextual() && !number.isNumber()) {
            throw GwsException.invalidParameter("The destination.phoneNumber must be a string of digits.");
        }
        return number.asText();
    }

    /** {@code userData}: an object of strings and numbers (reference 2.2). */
    private static Optional<Map<String, Object>> userData(OperationRequest request, boolean required) {
        Optional<Map<String, Object>> values = request.optionalUserData("userData");
        if (values.isEmpty() && required) {
            throw GwsException.missingParameter("userData");
        }
        return values;
    }

    private static void dtmf(OperationRequest request) {
        String digits = request.optionalString("dtmfDigits").orElseThrow(() -> GwsException.missingParameter("dtmfDigits"));
        if (!digits.matches("[0-9*#A-D]{1,64}")) {
            throw GwsException.invalidParameter("The dtmfDigits '" + GwsException.echo(digits) + "' must be 0-9, *, # or A-D.");
        }
    }

    private static void deleteUserDataPair(Call call, String key) {
        if (call.userData.remove(key) == null) {
            throw GwsException.invalidParameter("The call has no user data with the key '" + GwsException.echo(key) + "'.");
        }
    }

    private static GwsException unknownCall(String id) {
        return GwsException.notFound("There is no call '" + GwsException.echo(id) + "' of yours.");
    }
}
