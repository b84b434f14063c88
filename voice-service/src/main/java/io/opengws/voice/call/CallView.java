package io.opengws.voice.call;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The call resource of reference 2.2 as one party sees it. What a party sees of the others is decided here
 * and only here (decision 3): a supervisor in ListenIn is seen by no agent or customer, one in Coach only by
 * the agent it coaches, one in BargeIn by everyone; the agent's call says {@code supervisorListeningIn} while
 * a ListenIn or Coach supervisor is connected.
 */
public final class CallView {

    /** Where the resources of this system live, as absolute URIs. */
    public interface Links {
        String deviceUri(String deviceId);

        /** {@code {origin}/api/v2/me/calls/{legId}} */
        String callUri(String legId);
    }

    private CallView() {
    }

    public static Map<String, Object> of(LegContext context, Links links, Instant now) {
        Call call = context.call();
        Party viewer = context.party();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", viewer.legId);
        view.put("connId", call.connId);
        view.put("callUuid", call.id);
        view.put("state", viewer.state.name());
        view.put("callType", viewer.callType.name());
        if (viewer.deviceId != null) {
            view.put("deviceUri", links.deviceUri(viewer.deviceId));
        }
        view.put("uri", links.callUri(viewer.legId));
        view.put("path", "/calls/" + viewer.legId);
        view.put("participants", participants(call, viewer).stream().map(CallView::participant).toList());
        view.put("ani", call.ani);
        view.put("dnis", call.dnis);
        view.put("capabilities", viewer.role == PartyRole.CUSTOMER ? List.of() : CallStateMachine.capabilities(context));
        view.put("userData", viewer.role == PartyRole.CUSTOMER ? Map.of() : new LinkedHashMap<>(call.userData));
        Instant start = viewer.establishedAt != null ? viewer.establishedAt : viewer.createdAt;
        view.put("duration", String.valueOf(Math.max(0, Duration.between(start, now).toSeconds())));
        view.put("mute", muted(viewer) ? "On" : "Off");
        view.put("supervisorListeningIn", supervisorListeningIn(call, viewer));
        view.put("monitoredUserMuted", viewer.supervision != null && viewer.supervision.monitoredUserMuted);
        view.put("monitoring", viewer.isSupervisor());
        if (viewer.consultOfLegId != null) {
            view.put("parentCallUri", links.callUri(viewer.consultOfLegId));
            view.put("parentCallPath", "/calls/" + viewer.consultOfLegId);
        }
        return view;
    }

    /** The other live parties this party knows are in the call. */
    public static List<Party> participants(Call call, Party viewer) {
        return call.liveParties().stream().filter(other -> other != viewer && sees(viewer, other)).toList();
    }

    static boolean sees(Party viewer, Party other) {
        if (!other.isSupervisor()) {
            return true;
        }
        if (other.state != LegState.Established) {
            return false;
        }
        MonitoringType type = other.supervision.type;
        return viewer.isSupervisor() || type.visibleToOthers()
                || (other.monitors(viewer.legId) && type.visibleToMonitoredAgent());
    }

    static boolean supervisorListeningIn(Call call, Party viewer) {
        return viewer.role == PartyRole.AGENT && call.liveSupervisors().stream()
                .anyMatch(supervisor -> supervisor.state == LegState.Established && supervisor.monitors(viewer.legId)
                        && supervisor.supervision.type.flagsListeningIn());
    }

    private static boolean muted(Party party) {
        return party.isSupervisor() ? party.supervision.type.muted() : party.muted;
    }

    private static Map<String, Object> participant(Party party) {
        Map<String, Object> participant = new LinkedHashMap<>();
        participant.put("e164Number", party.phoneNumber);
        participant.put("formattedPhoneNumber", party.phoneNumber);
        participant.put("phoneNumber", party.phoneNumber);
        participant.put("digits", party.phoneNumber);
        return participant;
    }

    /**
     * The {@code notificationType} that tells a party its call changed from {@code before} to {@code after}
     * (reference 2.2), or empty when nothing it can see changed. The running {@code duration} is not a change.
     */
    public static Optional<String> notificationType(Map<String, Object> before, Map<String, Object> after) {
        if (before == null || differs(before, after, "state", "capabilities", "mute", "callType")) {
            return Optional.of("StatusChange");
        }
        if (differs(before, after, "participants", "supervisorListeningIn")) {
            return Optional.of("ParticipantsUpdated");
        }
        if (differs(before, after, "userData")) {
            return Optional.of("AttachedDataChanged");
        }
        if (differs(before, after, "monitoredUserMuted")) {
            return Optional.of("MonitoredUserMutedStateChange");
        }
        return Optional.empty();
    }

    private static boolean differs(Map<String, Object> before, Map<String, Object> after, String... fields) {
        for (String field : fields) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                return true;
            }
        }
        return false;
    }
}
