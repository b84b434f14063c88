package io.opengws.common.interaction;

import static io.opengws.common.interaction.InteractionOperation.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.opengws.common.identity.RandomIds;
import io.opengws.common.wire.GwsException;

/**
 * A chat or SMS session: its participants (each with the state its own resource shows), its transcript, its user
 * data and comment. The rules of how participants come and go and what each operation writes live here, in plain
 * Java; which operation a participant may ask for is {@link InteractionStateMachine}'s, checked first by every
 * operation an agent or supervisor asks for; who sees what is {@link VisibilityPolicy}'s.
 *
 * <p>Public fields, so a service stores the whole interaction as one JSON document ({@code EventJson.mapper()})
 * and reads it back.
 */
public class Interaction {

    /** The user-data key {@code SetDisposition} writes when the request names none (reference 3.4). */
    public static final String DEFAULT_DISPOSITION_KEY = "DispositionCode";

    /** How each writing operation shows in the transcript and who may read it (reference 3.4). */
    private record Writing(EntryType type, Visibility visibility) {
    }

    private static final Map<InteractionOperation, Writing> WRITINGS = new EnumMap<>(InteractionOperation.class);

    static {
        WRITINGS.put(SendMessage, new Writing(EntryType.Text, Visibility.All));
        WRITINGS.put(SendStartTypingNotification, new Writing(EntryType.TypingStarted, Visibility.All));
        WRITINGS.put(SendStopTypingNotification, new Writing(EntryType.TypingStopped, Visibility.All));
        WRITINGS.put(SendUrl, new Writing(EntryType.PushUrl, Visibility.All));
        WRITINGS.put(SendNicknameUpdatedNotice, new Writing(EntryType.NicknameUpdated, Visibility.All));
        WRITINGS.put(SendToAgents, new Writing(EntryType.Text, Visibility.Agents));
        WRITINGS.put(SendStartTypingToAgentsNotification, new Writing(EntryType.TypingStarted, Visibility.Agents));
        WRITINGS.put(SendStopTypingToAgentsNotification, new Writing(EntryType.TypingStopped, Visibility.Agents));
    }

    public String id;
    public String contactCenterId;
    /** {@code chat} or {@code smssession}: see {@link ChannelNaming}. */
    public String channel;
    /** {@code chatType} (reference 3.2: only {@code Inbound} seen). */
    public String chatType = "Inbound";
    /** The {@code receivedDate}. */
    public Instant createdAt;
    /** Set while the interaction waits for an agent: in the queue, or offered and not yet accepted. */
    public Instant waitingSince;
    public Instant completedAt;
    public List<Participant> participants = new ArrayList<>();
    /**
     * The entries at hand: all of them for an interaction built in memory; for one read from storage, those written
     * since it was read, and earlier ones only once a reader needs them ({@link #hasWholeTranscript}). Stored
     * apart from the interaction, an entry at a time, so that a message costs the same in a long chat as in a short one.
     */
    @JsonIgnore
    public List<TranscriptEntry> transcript = new ArrayList<>();
    /** How many entries the whole transcript has, and how many of them agents and the customer may read. */
    public int transcriptSize;
    public int agentEntries;
    public int customerEntries;
    public Map<String, Object> userData = new LinkedHashMap<>();
    public String comment;
    /** How many participants the customer has been shown, to number the next one ({@code "1"}, {@code "2"}...). */
    public int customerParticipantsNumbered;

    /**
     * A customer starts an interaction: it is in the conversation at once (it may write while it waits) and the
     * interaction waits for an agent.
     */
    public static Interaction start(String id, String contactCenterId, ChannelNaming naming, String customerNickname,
            Map<String, ?> userData, Instant now) {
        Interaction interaction = new Interaction();
        interaction.id = id;
        interaction.contactCenterId = contactCenterId;
        interaction.channel = naming.channel();
        interaction.createdAt = now;
        interaction.waitingSince = now;
        if (userData != null) {
            interaction.userData.putAll(userData);
        }
        Participant customer = Participant.of(newParticipantId(), ParticipantRole.CUSTOMER, null, customerNickname, Visibility.All,
                InteractionState.Invited, now);
        interaction.participants.add(customer);
        interaction.enter(customer, now);
        return interaction;
    }

    @JsonIgnore
    public ChannelNaming naming() {
        return ChannelNaming.of(channel);
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /** Whether every entry written so far is at hand, not only the latest ones. */
    @JsonIgnore
    public boolean hasWholeTranscript() {
        return firstEntryAtHand() == 1;
    }

    /** The index of the first entry at hand (those at hand are always the latest ones); past the last when none is. */
    @JsonIgnore
    public int firstEntryAtHand() {
        return transcriptSize - transcript.size() + 1;
    }

    /** Earlier entries, read from storage, put before those at hand. */
    public void prependTranscript(List<TranscriptEntry> earlier) {
        List<TranscriptEntry> whole = new ArrayList<>(earlier);
        whole.addAll(transcript);
        transcript = whole;
    }

    @JsonIgnore
    public boolean isCompleted() {
        return completedAt != null;
    }

    @JsonIgnore
    public boolean isWaitingForAgent() {
        return waitingSince != null;
    }

    @JsonIgnore
    public Participant customer() {
        return participants.stream().filter(Participant::isCustomer).findFirst()
                .orElseThrow(() -> new IllegalStateException("Interaction " + id + " has no customer"));
    }

    public Optional<Participant> participant(String participantId) {
        return participants.stream().filter(participant -> participantId.equals(participant.participantId)).findFirst();
    }

    /** The user's latest participation: a user may come back (transferred back, intruding again) as a new participant. */
    public Optional<Participant> participantOfUser(String userId) {
        Participant latest = null;
        for (Participant participant : participants) {
            if (userId.equals(participant.userId)) {
                latest = participant;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Agents (not supervisors: CONTRACT decision 18) in the conversation now. */
    @JsonIgnore
    public List<Participant> presentAgents() {
        return participants.stream().filter(Interaction::isPresentAgent).toList();
    }

    /** How many {@link #presentAgents()} there are, without building the list (the capabilities ask often). */
    @JsonIgnore
    public int presentAgentCount() {
        int count = 0;
        for (Participant participant : participants) {
            if (isPresentAgent(participant)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isPresentAgent(Participant participant) {
        return participant.isAgent() && participant.present();
    }

    /** Supervisors offered the interaction or in it. */
    @JsonIgnore
    public List<Participant> activeSupervisors() {
        return participants.stream().filter(participant -> participant.isSupervisor() && !participant.state.finished()).toList();
    }

    // ---- agents arriving -----------------------------------------------------------------------------------

    /** Routing offers the interaction to an agent: {@code Invited}, seen by nobody until it accepts. */
    public Participant offer(String userId, String nickname, Instant now) {
        requireOngoing();
        return invited(ParticipantRole.AGENT, userId, nickname, Visibility.All, now);
    }

    /** An agent or an intruding supervisor accepts, under the nickname it gives (reference 3.4 Accept). */
    public void accept(Participant actor, String nickname, Instant now) {
        InteractionStateMachine.require(Accept, this, actor);
        if (nickname != null && !nickname.isBlank()) {
            actor.nickname = nickname;
        }
        enter(actor, now);
        if (actor.isAgent()) {
            waitingSince = null;
        }
    }

    /** An agent declines its offer (reference 3.4: {@code Completed}); the interaction still waits for another agent. */
    public void reject(Participant actor, Instant now) {
        InteractionStateMachine.require(Reject, this, actor);
        actor.state = InteractionState.Completed;
        revokeSupervisorsWhenNoAgentRemains();
    }

    /** An offer taken back before it was answered (not answered in time, the customer left): {@code Revoked}. */
    public void withdrawOffer(Participant offered) {
        if (offered.state != InteractionState.Invited) {
            throw new IllegalStateException("Only an offer can be withdrawn; participant " + offered.participantId + " is " + offered.state);
        }
        offered.state = InteractionState.Revoked;
        revokeSupervisorsWhenNoAgentRemains();
    }

    /** An agent adds another agent to the conversation: a conference the customer sees (reference 3.4 Invite). */
    public Participant invite(Participant actor, String userId, String nickname, Instant now) {
        InteractionStateMachine.require(Invite, this, actor);
        return invited(ParticipantRole.AGENT, userId, nickname, Visibility.All, now);
    }

    /** An agent consults another agent inside the interaction: the consulted agent is never shown to the customer. */
    public Participant consult(Participant actor, String userId, String nickname, Instant now) {
        InteractionStateMachine.require(Consult, this, actor);
        return invited(ParticipantRole.AGENT, userId, nickname, Visibility.Agents, now);
    }

    // ---- writing -------------------------------------------------------------------------------------------

    /**
     * An agent or supervisor writes: a message, a typing notification, a URL or a nickname notice, to everyone or to
     * agents only, per the operation. Never wider than the writer itself is seen.
     */
    public TranscriptEntry write(Participant actor, InteractionOperation operation, String payload, Instant now) {
        Writing writing = WRITINGS.get(operation);
        if (writing == null) {
            throw new IllegalArgumentException(operation + " does not write to the transcript");
        }
        InteractionStateMachine.require(operation, this, actor);
        return record(writing.type, actor, writing.visibility, payload, now);
    }

    /** The customer writes: {@code Text}, {@code TypingStarted} or {@code TypingStopped}, always seen by everyone. */
    public TranscriptEntry customerWrites(EntryType type, String text, Instant now) {
        if (type != EntryType.Text && type != EntryType.TypingStarted && type != EntryType.TypingStopped) {
            throw new IllegalArgumentException("A customer does not write " + type);
        }
        Participant customer = customer();
        if (!customer.present() || isCompleted()) {
            throw GwsException.invalidParameter("The customer is no longer in " + channel + " " + id + ".");
        }
        return record(type, customer, Visibility.All, text, now);
    }

    // ---- leaving -------------------------------------------------------------------------------------------

    /**
     * An agent or supervisor leaves, with an optional farewell. An agent alone with the customer keeps the interaction
     * in {@code LeftChat} to wrap it up; one in a conference, or leaving again from {@code LeftChat}, is done
     * (reference 3.4 Leave).
     */
    public void leave(Participant actor, String farewell, Instant now) {
        InteractionStateMachine.require(Leave, this, actor);
        if (actor.isAgent() && actor.state == InteractionState.LeftChat) {
            actor.state = InteractionState.Completed;
            if (participants.stream().noneMatch(other -> other.isAgent() && (other.present() || other.state == InteractionState.LeftChat))) {
                end(now);
            }
            return;
        }
        boolean conference = actor.isAgent() && presentAgents().size() > 1;
        depart(actor, farewell, now);
        actor.state = actor.isAgent() && !conference ? InteractionState.LeftChat : InteractionState.Completed;
        revokeSupervisorsWhenNoAgentRemains();
    }

    /** An agent completes the interaction, with an optional farewell: it ends for everyone (reference 3.4 Complete). */
    public void complete(Participant actor, InteractionOperation operation, String farewell, Instant now) {
        if (operation != Complete && operation != LeaveAndComplete) {
            throw new IllegalArgumentException(operation + " does not complete an interaction");
        }
        InteractionStateMachine.require(operation, this, actor);
        if (actor.present() && farewell != null && !farewell.isBlank()) {
            record(EntryType.Text, actor, Visibility.All, farewell, now);
        }
        end(now);
    }

    /**
     * The customer leaves (the Customer Chat API's {@code Complete}). The agents stay to wrap up; an interaction no
     * agent has taken yet ends.
     */
    public void customerLeaves(Instant now) {
        Participant customer = customer();
        if (!customer.present()) {
            return;
        }
        record(EntryType.ParticipantLeft, customer, Visibility.All, null, now);
        customer.state = InteractionState.Completed;
        if (participants.stream().noneMatch(other -> other.isAgent() && (other.present() || other.state == InteractionState.LeftChat))) {
            end(now);
        }
    }

    /**
     * Passes the interaction to another agent (reference 3.4 Transfer): the one transferring leaves, the target is
     * offered it. With no agent left in the conversation it waits for the target, and its supervisors are revoked.
     */
    public Participant transferToAgent(Participant actor, String userId, String nickname, String farewell, Instant now) {
        InteractionStateMachine.require(Transfer, this, actor);
        leaveForGood(actor, farewell, now);
        Participant target = invited(ParticipantRole.AGENT, userId, nickname, Visibility.All, now);
        if (presentAgents().isEmpty()) {
            waitingSince = now;
        }
        revokeSupervisorsWhenNoAgentRemains();
        return target;
    }

    /**
     * Places the interaction back in the queue (Transfer to a queue, or Complete with a queue): every agent leaves it,
     * every supervisor is revoked (CONTRACT decision 18), the customer stays and waits.
     */
    public void transferToQueue(Participant actor, String farewell, Instant now) {
        InteractionStateMachine.require(Transfer, this, actor);
        leaveForGood(actor, farewell, now);
        for (Participant agent : participants) {
            if (agent.isAgent() && agent.present()) {
                depart(agent, null, now);
                agent.state = InteractionState.Completed;
            } else if (agent.isAgent() && (agent.state == InteractionState.LeftChat || agent.state == InteractionState.Invited)) {
                agent.state = agent.state == InteractionState.Invited ? InteractionState.Revoked : InteractionState.Completed;
            }
        }
        waitingSince = now;
        revokeSupervisorsWhenNoAgentRemains();
    }

    /**
     * An agent the customer sees removes another agent from a conference (reference 3.4); agents and supervisors read
     * a notice of it, the customer only sees that agent leave.
     */
    public void removeFromConference(Participant actor, Participant removed, Instant now) {
        InteractionStateMachine.require(RemoveParticipantFromConference, this, actor);
        if (removed == actor || !removed.isAgent() || !removed.present()) {
            throw GwsException.invalidParameter("Only another agent in the conversation of " + channel + " " + id + " can be removed.");
        }
        record(EntryType.Notice, actor, Visibility.Agents, null, now).noticeText = "REMOVE_PARTICIPANT_FROM_CONFERENCE" + removed.userId;
        depart(removed, null, now);
        removed.state = InteractionState.Completed;
        revokeSupervisorsWhenNoAgentRemains();
    }

    // ---- properties ----------------------------------------------------------------------------------------

    public void attachUserData(Participant actor, Map<String, ?> data) {
        InteractionStateMachine.require(AttachUserData, this, actor);
        userData.putAll(data);
    }

    public void updateUserData(Participant actor, Map<String, ?> data) {
        InteractionStateMachine.require(UpdateUserData, this, actor);
        userData.putAll(data);
    }

    /** Deletes the given keys. */
    public void deleteUserData(Participant actor, Collection<String> keys) {
        InteractionStateMachine.require(DeleteUserData, this, actor);
        keys.forEach(userData::remove);
    }

    /** The disposition lives in user data, under the key the request names or {@value #DEFAULT_DISPOSITION_KEY}. */
    public void setDisposition(Participant actor, String disposition, String dispositionKey) {
        InteractionStateMachine.require(SetDisposition, this, actor);
        userData.put(dispositionKey == null || dispositionKey.isBlank() ? DEFAULT_DISPOSITION_KEY : dispositionKey, disposition);
    }

    public void addComment(Participant actor, String comment) {
        InteractionStateMachine.require(AddComment, this, actor);
        this.comment = comment;
    }

    /** A focus hint for the desktop: allowed or refused by the table, changes nothing (reference 3.4). */
    public void setInFocus(Participant actor) {
        InteractionStateMachine.require(SetInFocus, this, actor);
    }

    // ---- supervisors ---------------------------------------------------------------------------------------

    /**
     * A supervisor monitoring {@code monitoredUserId} joins as that agent accepts (reference 3.6): in the conversation
     * at once with its mode's visibility, its arrival written with the same visibility.
     */
    public Participant supervisorJoins(String userId, String nickname, SupervisorMode mode, String monitoredUserId, Instant now) {
        requireMonitorable(userId, monitoredUserId);
        Participant supervisor = invited(ParticipantRole.SUPERVISOR, userId, nickname, mode.visibility(), now);
        supervisor.mode = mode;
        supervisor.monitoredUserId = monitoredUserId;
        enter(supervisor, now);
        return supervisor;
    }

    /** A supervisor intrudes into a conversation in progress (reference 3.8): {@code Invited} until it accepts. */
    public Participant supervisorIntrudes(String userId, String nickname, SupervisorMode mode, String monitoredUserId, Instant now) {
        requireMonitorable(userId, monitoredUserId);
        Participant supervisor = invited(ParticipantRole.SUPERVISOR, userId, nickname, mode.visibility(), now);
        supervisor.mode = mode;
        supervisor.monitoredUserId = monitoredUserId;
        return supervisor;
    }

    /**
     * A supervisor switches mode (reference 3.7): its visibility follows, and a {@code ParticipantRejoined} carrying the
     * new visibility (CONTRACT decision 17) tells exactly those who may now see it.
     */
    public void switchMode(Participant actor, SupervisorMode mode, Instant now) {
        InteractionStateMachine.require(mode.switchOperation(), this, actor);
        actor.mode = mode;
        actor.visibility = mode.visibility();
        numberForCustomer(actor);
        record(EntryType.ParticipantRejoined, actor, actor.visibility, null, now);
    }

    // ---- the rules behind the operations ------------------------------------------------------------------

    private Participant invited(ParticipantRole role, String userId, String nickname, Visibility visibility, Instant now) {
        requireOngoing();
        Participant participant = Participant.of(newParticipantId(), role, userId, nickname, visibility, InteractionState.Invited, now);
        participants.add(participant);
        return participant;
    }

    /** Into the conversation; its arrival is written with its own visibility, so it reaches only who may see it. */
    private void enter(Participant participant, Instant now) {
        participant.state = InteractionState.Chatting;
        participant.joinedAt = now;
        numberForCustomer(participant);
        record(EntryType.ParticipantJoined, participant, participant.visibility, null, now);
    }

    /** Out of the conversation, with an optional farewell; the caller sets the state it leaves in. */
    private void depart(Participant participant, String farewell, Instant now) {
        if (!participant.present()) {
            return;
        }
        if (farewell != null && !farewell.isBlank()) {
            record(EntryType.Text, participant, Visibility.All, farewell, now);
        }
        record(EntryType.ParticipantLeft, participant, participant.visibility, null, now);
    }

    private void leaveForGood(Participant participant, String farewell, Instant now) {
        depart(participant, farewell, now);
        participant.state = InteractionState.Completed;
    }

    /** The interaction ends for everyone: agents and the customer complete, offers and supervisors are revoked. */
    private void end(Instant now) {
        for (Participant participant : participants) {
            if (participant.present() && !participant.isCustomer()) {
                depart(participant, null, now);
            }
        }
        for (Participant participant : participants) {
            if (participant.state.finished()) {
                continue;
            }
            boolean revoked = participant.isSupervisor() || participant.state == InteractionState.Invited;
            participant.state = revoked ? InteractionState.Revoked : InteractionState.Completed;
        }
        waitingSince = null;
        completedAt = now;
    }

    /**
     * CONTRACT decision 18: supervisors do not count as agents; once no agent is in the conversation and the interaction
     * has ended or waits for an agent, every supervisor in it is revoked.
     */
    private void revokeSupervisorsWhenNoAgentRemains() {
        if (!presentAgents().isEmpty() || !(isCompleted() || isWaitingForAgent())) {
            return;
        }
        for (Participant supervisor : activeSupervisors()) {
            supervisor.state = InteractionState.Revoked;
        }
    }

    /** The customer numbers a participant the first time it can see it, so it never counts one hidden from it. */
    private void numberForCustomer(Participant participant) {
        if (participant.customerParticipantId == null && participant.visibility == Visibility.All) {
            customerParticipantsNumbered++;
            participant.customerParticipantId = String.valueOf(customerParticipantsNumbered);
        }
    }

    private TranscriptEntry record(EntryType type, Participant from, Visibility wanted, String payload, Instant now) {
        TranscriptEntry entry = new TranscriptEntry();
        entry.index = ++transcriptSize;
        entry.type = type;
        entry.visibility = wanted.narrowest(from.visibility);
        entry.agentIndex = entry.visibility.seenBy(Audience.AGENT) ? ++agentEntries : null;
        entry.customerIndex = entry.visibility.seenBy(Audience.CUSTOMER) ? ++customerEntries : null;
        entry.from = from.asSender();
        entry.timestamp = now;
        switch (type) {
            case PushUrl -> entry.url = payload;
            case Notice, NicknameUpdated -> entry.noticeText = payload;
            default -> entry.text = payload;
        }
        transcript.add(entry);
        return entry;
    }

    private void requireOngoing() {
        if (isCompleted()) {
            throw GwsException.invalidParameter(naming().channel() + " " + id + " is completed.");
        }
    }

    private void requireMonitorable(String supervisorUserId, String monitoredUserId) {
        requireOngoing();
        boolean monitoredAgentPresent = presentAgents().stream().anyMatch(agent -> monitoredUserId.equals(agent.userId));
        if (!monitoredAgentPresent) {
            throw GwsException.invalidParameter("The monitored agent is not in the conversation of " + channel + " " + id + ".");
        }
        boolean alreadyIn = activeSupervisors().stream().anyMatch(supervisor -> supervisorUserId.equals(supervisor.userId));
        if (alreadyIn) {
            throw GwsException.invalidParameter("The supervisor is already in " + channel + " " + id + ".");
        }
    }

    /** 16 upper-case hex characters, like the seeds' ids; random, so ids reveal nothing about who else joined. */
    private static String newParticipantId() {
        return RandomIds.upperHex(8);
    }
}
