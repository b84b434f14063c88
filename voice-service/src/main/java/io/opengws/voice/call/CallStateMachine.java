package io.opengws.voice.call;

import static io.opengws.voice.call.CallOperation.*;
import static io.opengws.voice.call.LegState.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which operation a party may ask for on its leg, in one table: by role, by leg state, and by a condition on
 * the rest of the call. The same table answers "is this allowed now" and yields the {@code capabilities} of the
 * call resource, so the two can never disagree.
 */
public final class CallStateMachine {

    private record Rule(Set<PartyRole> roles, Set<LegState> states, Predicate<LegContext> condition, String conditionText) {
    }

    private static final Set<PartyRole> AGENT = EnumSet.of(PartyRole.AGENT);
    private static final Set<PartyRole> SUPERVISOR = EnumSet.of(PartyRole.SUPERVISOR);
    private static final Set<LegState> CONNECTED = EnumSet.of(Dialing, Ringing, Established, Held);
    private static final Predicate<LegContext> ALWAYS = context -> true;

    private static final Map<CallOperation, List<Rule>> TABLE = new EnumMap<>(CallOperation.class);

    static {
        rule(Answer, EnumSet.allOf(PartyRole.class), EnumSet.of(Ringing));
        rule(Hangup, AGENT, CONNECTED);
        rule(Hangup, SUPERVISOR, EnumSet.of(Ringing, Established));
        rule(Hold, AGENT, EnumSet.of(Established));
        rule(Retrieve, AGENT, EnumSet.of(Held), context -> !context.inConsultation() || context.partner().get().state != Established,
                "while the other call of the consultation is not active");
        rule(InitiateTransfer, AGENT, EnumSet.of(Established), context -> !context.inConsultation(), "with no consultation in progress");
        rule(InitiateConference, AGENT, EnumSet.of(Established), context -> !context.inConsultation(), "with no consultation in progress");
        rule(CompleteTransfer, AGENT, EnumSet.of(Established, Held),
                context -> context.inConsultation() && context.party().consultKind == ConsultKind.Transfer,
                "during a consultation started by InitiateTransfer");
        rule(CompleteConference, AGENT, EnumSet.of(Established, Held),
                context -> context.inConsultation() && context.party().consultKind == ConsultKind.Conference
                        && context.consultationConnected(),
                "during a consultation started by InitiateConference, once the party consulted has answered");
        rule(SingleStepTransfer, AGENT, EnumSet.of(Established), context -> !context.inConsultation(), "with no consultation in progress");
        rule(SingleStepConference, AGENT, EnumSet.of(Established), context -> !context.inConsultation(), "with no consultation in progress");
        rule(RemoveParticipantFromConference, AGENT, EnumSet.of(Established), LegContext::conference, "in a conference");
        rule(SwapCalls, AGENT, EnumSet.of(Established, Held), LegContext::inConsultation, "during a consultation");
        rule(SendDtmf, AGENT, EnumSet.of(Established));
        for (CallOperation userData : List.of(AttachUserData, UpdateUserData, DeleteUserData, DeleteUserDataPair)) {
            rule(userData, AGENT, CONNECTED);
        }
        rule(MuteCall, AGENT, EnumSet.of(Established), context -> !context.party().muted, "when the call is not muted");
        rule(UnmuteCall, AGENT, EnumSet.of(Established), context -> context.party().muted, "when the call is muted");
        for (MonitoringType type : MonitoringType.values()) {
            rule(CallOperation.valueOf(type.switchOperation()), SUPERVISOR, EnumSet.of(Established),
                    context -> context.supervision().type.switchesTo(context.freeSwitching()).contains(type),
                    type == MonitoringType.Coach
                            ? "with the contact-center setting supervisor.free-mode-switching, when not in Coach (a supervisor who left Coach cannot return)"
                            : "when not already in " + type.name());
        }
        rule(MuteMonitoredUser, SUPERVISOR, EnumSet.of(Established),
                context -> context.supervision().type == MonitoringType.BargeIn && !context.supervision().monitoredUserMuted,
                "in BargeIn, while the monitored agent is not muted");
        rule(UnmuteMonitoredUser, SUPERVISOR, EnumSet.of(Established), context -> context.supervision().monitoredUserMuted,
                "while the monitored agent is muted");
    }

    private CallStateMachine() {
    }

    private static void rule(CallOperation operation, Set<PartyRole> roles, Set<LegState> states) {
        rule(operation, roles, states, ALWAYS, null);
    }

    private static void rule(CallOperation operation, Set<PartyRole> roles, Set<LegState> states,
            Predicate<LegContext> condition, String conditionText) {
        TABLE.computeIfAbsent(operation, ignored -> new ArrayList<>()).add(new Rule(roles, states, condition, conditionText));
    }

    private static boolean matches(Rule rule, LegContext context) {
        return rule.roles.contains(context.party().role) && rule.states.contains(context.party().state)
                && rule.condition.test(context);
    }

    public static boolean allows(CallOperation operation, LegContext context) {
        return TABLE.get(operation).stream().anyMatch(rule -> matches(rule, context));
    }

    /** The {@code capabilities} of the party's call resource: every operation the table allows now. */
    public static List<String> capabilities(LegContext context) {
        List<String> capabilities = new ArrayList<>();
        for (CallOperation operation : CallOperation.values()) {
            if (allows(operation, context)) {
                capabilities.add(operation.name());
            }
        }
        return Collections.unmodifiableList(capabilities);
    }

    /** Why the operation is refused, naming the leg's state (reference 2.6: statusCode 2). */
    public static String refusal(CallOperation operation, LegContext context) {
        Party party = context.party();
        String subject = operation.name() + " is not possible on call " + party.legId + " in state " + party.state;
        Rule rule = TABLE.get(operation).stream().filter(candidate -> candidate.roles.contains(party.role)).findFirst().orElse(null);
        if (rule == null) {
            return subject + (party.role == PartyRole.SUPERVISOR ? ": this is a supervisor's monitoring call." : ": this is not a monitoring call.");
        }
        if (!rule.states.contains(party.state)) {
            return subject + "; it needs one of the states " + rule.states + ".";
        }
        String condition = rule.conditionText == null ? "" : ": it is possible only " + rule.conditionText;
        return subject + condition + ". Possible now: " + capabilities(context) + ".";
    }
}
