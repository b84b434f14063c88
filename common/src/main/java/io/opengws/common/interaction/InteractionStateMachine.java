package io.opengws.common.interaction;

import static io.opengws.common.interaction.InteractionOperation.*;
import static io.opengws.common.interaction.InteractionState.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import io.opengws.common.wire.GwsException;

/**
 * Which operation an agent or supervisor may ask for on a chat or SMS session, in one table: by role, by the
 * participant's own state, by the supervisor's mode, and by a condition on the rest of the interaction. The
 * same table answers "is this allowed now", yields the {@code capabilities} of the resource (for a supervisor
 * in Chatting, exactly the seed 004 table) and explains a refusal, so the three can never disagree.
 */
public final class InteractionStateMachine {

    private record Rule(ParticipantRole role, Set<InteractionState> states, Set<SupervisorMode> modes,
            BiPredicate<Interaction, Participant> condition, String conditionText) {
    }

    private static final Set<SupervisorMode> ANY_MODE = EnumSet.allOf(SupervisorMode.class);
    /** The modes in which a supervisor takes part in the work (seed 004: everything but Monitor). */
    private static final Set<SupervisorMode> TAKING_PART = EnumSet.of(SupervisorMode.Coach, SupervisorMode.BargeIn);
    private static final Set<InteractionState> HOLDING = EnumSet.of(Chatting, LeftChat);
    private static final BiPredicate<Interaction, Participant> ALWAYS = (interaction, participant) -> true;

    private static final Map<InteractionOperation, List<Rule>> TABLE = new EnumMap<>(InteractionOperation.class);

    static {
        agent(Accept, EnumSet.of(Invited));
        agent(Reject, EnumSet.of(Invited));
        // LeftChat keeps Leave and Complete (reference 3.4, ChatLeave sample): an agent that left may drop it.
        agent(Leave, HOLDING);
        agent(Complete, HOLDING);
        agent(LeaveAndComplete, HOLDING, (interaction, agent) -> interaction.naming().offersLeaveAndComplete(), "on an SMS session");
        // After leaving, an agent still wraps up: focus, disposition, user data, comment, and passing it on.
        for (InteractionOperation wrapUp : List.of(SetInFocus, SetDisposition, AttachUserData, DeleteUserData, UpdateUserData,
                AddComment, Transfer)) {
            agent(wrapUp, HOLDING);
        }
        agent(Invite, EnumSet.of(Chatting));
        agent(Consult, EnumSet.of(Chatting));
        agent(RemoveParticipantFromConference, EnumSet.of(Chatting),
                (interaction, agent) -> agent.visibility == Visibility.All && interaction.presentAgentCount() > 1,
                "in a conference with another agent, to an agent the customer sees");
        // Writing to agents only makes sense with another agent (or a coach) to read it (reference 3.4, ChatInviteUser);
        // a silent monitor does not count, or the agent's capabilities would betray it.
        for (InteractionOperation toAgents : List.of(SendToAgents, SendStartTypingToAgentsNotification,
                SendStopTypingToAgentsNotification)) {
            agent(toAgents, EnumSet.of(Chatting), VisibilityPolicy::seesAnotherAgent, "with another agent or a coach in the conversation");
        }
        for (InteractionOperation toEveryone : List.of(SendMessage, SendStartTypingNotification, SendStopTypingNotification, SendUrl,
                SendNicknameUpdatedNotice)) {
            agent(toEveryone, EnumSet.of(Chatting));
        }

        // The supervisor's seed 004 table, row by row.
        supervisor(Accept, EnumSet.of(Invited), ANY_MODE);
        supervisor(Reject, EnumSet.of(Invited), ANY_MODE);
        supervisor(Leave, EnumSet.of(Chatting), ANY_MODE);
        for (InteractionOperation work : List.of(SetInFocus, SetDisposition, AttachUserData, DeleteUserData, UpdateUserData, AddComment,
                Transfer, Invite, Consult, SendToAgents, SendStartTypingToAgentsNotification, SendStopTypingToAgentsNotification)) {
            supervisor(work, EnumSet.of(Chatting), TAKING_PART);
        }
        for (InteractionOperation toCustomer : List.of(SendMessage, SendStartTypingNotification, SendStopTypingNotification)) {
            supervisor(toCustomer, EnumSet.of(Chatting), EnumSet.of(SupervisorMode.BargeIn));
        }
        for (SupervisorMode target : SupervisorMode.values()) {
            supervisor(target.switchOperation(), EnumSet.of(Chatting), EnumSet.complementOf(EnumSet.of(target)));
        }
    }

    private InteractionStateMachine() {
    }

    private static void agent(InteractionOperation operation, Set<InteractionState> states) {
        agent(operation, states, ALWAYS, null);
    }

    private static void agent(InteractionOperation operation, Set<InteractionState> states,
            BiPredicate<Interaction, Participant> condition, String conditionText) {
        add(operation, new Rule(ParticipantRole.AGENT, states, ANY_MODE, condition, conditionText));
    }

    private static void supervisor(InteractionOperation operation, Set<InteractionState> states, Set<SupervisorMode> modes) {
        add(operation, new Rule(ParticipantRole.SUPERVISOR, states, modes, ALWAYS, null));
    }

    private static void add(InteractionOperation operation, Rule rule) {
        TABLE.computeIfAbsent(operation, ignored -> new ArrayList<>()).add(rule);
    }

    private static boolean matches(Rule rule, Interaction interaction, Participant participant) {
        return rule.role == participant.role && rule.states.contains(participant.state)
                && (participant.mode == null || rule.modes.contains(participant.mode))
                && rule.condition.test(interaction, participant);
    }

    /** A loop, not a stream: every resource view asks this for each operation, so it runs thousands of times a second. */
    public static boolean allows(InteractionOperation operation, Interaction interaction, Participant participant) {
        for (Rule rule : TABLE.getOrDefault(operation, List.of())) {
            if (matches(rule, interaction, participant)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code capabilities} of the participant's resource: every operation the table allows now, in wire order. */
    public static List<String> capabilities(Interaction interaction, Participant participant) {
        List<String> capabilities = new ArrayList<>();
        for (InteractionOperation operation : InteractionOperation.values()) {
            if (allows(operation, interaction, participant)) {
                capabilities.add(operation.name());
            }
        }
        return Collections.unmodifiableList(capabilities);
    }

    /** Throws the refusal (statusCode 2) unless the table allows the operation now. */
    public static void require(InteractionOperation operation, Interaction interaction, Participant participant) {
        if (!allows(operation, interaction, participant)) {
            throw GwsException.invalidParameter(refusal(operation, interaction, participant));
        }
    }

    /** Why the operation is refused, naming the participant's state and, for a supervisor, its mode. */
    public static String refusal(InteractionOperation operation, Interaction interaction, Participant participant) {
        String who = participant.isSupervisor() ? "a supervisor in " + participant.mode + " mode" : "an agent";
        String subject = operation.name() + " is not possible on " + interaction.naming().channel() + " " + interaction.id
                + " in state " + participant.state + " for " + who;
        List<Rule> ofRole = TABLE.getOrDefault(operation, List.of()).stream().filter(rule -> rule.role == participant.role).toList();
        if (ofRole.isEmpty()) {
            return subject + ": it is not an operation a" + (participant.isSupervisor() ? " supervisor" : "n agent") + " may ask for.";
        }
        Rule rule = ofRole.get(0);
        if (participant.mode != null && !rule.modes.contains(participant.mode)) {
            return subject + "; it needs one of the modes " + rule.modes + ". Possible now: " + capabilities(interaction, participant) + ".";
        }
        if (!rule.states.contains(participant.state)) {
            return subject + "; it needs one of the states " + rule.states + ".";
        }
        String condition = rule.conditionText == null ? "" : ": it is possible only " + rule.conditionText;
        return subject + condition + ". Possible now: " + capabilities(interaction, participant) + ".";
    }
}
