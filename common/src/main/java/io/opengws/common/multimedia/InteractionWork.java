package io.opengws.common.multimedia;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.opengws.common.events.EventJson;
import io.opengws.common.interaction.Interaction;
import io.opengws.common.interaction.InteractionNotifications;
import io.opengws.common.interaction.InteractionState;
import io.opengws.common.interaction.Participant;

/**
 * One request's work on the interactions of a contact center: the interactions it read or started, each with
 * what its agents and supervisors saw before (the engine's snapshot), so that at the end each is told exactly
 * what changed for it. Lives within one transaction; each interaction it reads from its row is locked to the end of it.
 */
public final class InteractionWork {

    /**
     * An interaction in this work, with its row, what every participant saw when it was read, and how many transcript
     * entries were stored then (those after are this work's to store).
     */
    record Tracked(Interaction interaction, MediaInteractionRow row, Origin origin, InteractionNotifications.Snapshot before,
            int storedEntries) {
    }

    /** Where an interaction of this work comes from, which decides how it is written. */
    enum Origin {
        /** Started in this work: inserted. */
        STARTED,
        /** Its row, read and locked in this transaction: updated. */
        LOCKED,
        /** As this service last committed it ({@link InteractionCache}), not locked: updated only if still at that version. */
        REMEMBERED
    }

    /** A row as the loader found it. */
    record Loaded(MediaInteractionRow row, Origin origin) {
    }

    private final String contactCenterId;
    private final Instant now;
    private final String publicOrigin;
    private final Function<String, Optional<Loaded>> loader;
    private final Map<String, Tracked> tracked = new LinkedHashMap<>();
    /** Per interaction, who took part and in which state as last written: unchanged, the index is not rewritten. */
    private final Map<String, String> participationsWritten = new HashMap<>();
    private String actorParticipantId;
    private Integer referenceId;
    private boolean routingNeeded;
    private boolean oneStatement;

    InteractionWork(String contactCenterId, Instant now, String publicOrigin, Function<String, Optional<Loaded>> loader) {
        this.contactCenterId = contactCenterId;
        this.now = now;
        this.publicOrigin = publicOrigin;
        this.loader = loader;
    }

    public String contactCenterId() {
        return contactCenterId;
    }

    public Instant now() {
        return now;
    }

    public String publicOrigin() {
        return publicOrigin;
    }

    /** The interaction, if it exists in this contact center. */
    public Optional<Interaction> interaction(String id) {
        Tracked known = tracked.get(id);
        if (known != null) {
            return Optional.of(known.interaction());
        }
        return loader.apply(id).filter(loaded -> loaded.row().contactCenterId.equals(contactCenterId)).map(loaded -> {
            Interaction interaction = EventJson.read(loaded.row().body, Interaction.class);
            tracked.put(id, new Tracked(interaction, loaded.row(), loaded.origin(), InteractionNotifications.snapshot(interaction, publicOrigin),
                    interaction.transcriptSize));
            participationsWritten.put(id, participationKey(interaction));
            return interaction;
        });
    }

    /** An interaction that starts in this work; {@code customerKey}: how the customer names it. */
    public Interaction start(Interaction interaction, String customerKey) {
        MediaInteractionRow row = new MediaInteractionRow();
        row.id = interaction.id;
        row.contactCenterId = contactCenterId;
        row.customerKey = customerKey;
        tracked.put(interaction.id, new Tracked(interaction, row, Origin.STARTED, InteractionNotifications.snapshot(interaction, publicOrigin), 0));
        routingNeeded = true;
        return interaction;
    }

    /** Whose request this is: only its own notifications echo {@code referenceId}. */
    public void actor(Participant participant, Integer referenceId) {
        this.actorParticipantId = participant.participantId;
        this.referenceId = referenceId;
    }

    /**
     * This change may be written in one statement that commits itself, outside its transaction, if it comes to no more
     * than writing one interaction remembered by this service ({@link InteractionDesk#save}): a message is then one round
     * trip to the database, not three (the transaction's BEGIN, the write, the COMMIT), and one shared with the like
     * writes of other requests ({@link GroupedInteractionWrites}).
     */
    void allowOneStatement() {
        oneStatement = true;
    }

    /** This change writes something besides its interaction (a text to the customer's phone): in its transaction. */
    void needsItsTransaction() {
        oneStatement = false;
    }

    /** Whether the change may be written in one statement that commits itself. */
    boolean isWrittenInOneStatement(Tracked interaction, boolean participationsChanged) {
        return oneStatement && tracked.size() == 1 && interaction.origin() == Origin.REMEMBERED && !participationsChanged;
    }

    public void routingNeeded() {
        routingNeeded = true;
    }

    boolean isRoutingNeeded() {
        return routingNeeded;
    }

    String actorParticipantId() {
        return actorParticipantId;
    }

    Integer referenceId() {
        return referenceId;
    }

    Collection<Tracked> tracked() {
        return new ArrayList<>(tracked.values());
    }

    public List<Interaction> interactions() {
        return tracked.values().stream().map(Tracked::interaction).toList();
    }

    /** The participant's state when this work read the interaction (null: not in it then). */
    InteractionState stateBefore(Interaction interaction, Participant participant) {
        Tracked known = tracked.get(interaction.id);
        Map<String, Object> seen = known == null ? null : known.before().resources().get(participant.participantId);
        return seen == null ? null : InteractionState.valueOf((String) seen.get("state"));
    }

    /** Whether the index of who takes part must be written: it differs from what was read or last written. */
    boolean participationsChanged(Interaction interaction) {
        String now = participationKey(interaction);
        return !now.equals(participationsWritten.put(interaction.id, now));
    }

    private static String participationKey(Interaction interaction) {
        StringBuilder key = new StringBuilder();
        for (Participant participant : interaction.participants) {
            if (participant.userId != null && !participant.state.finished()) {
                key.append(participant.participantId).append(':').append(participant.state).append(';');
            }
        }
        return key.toString();
    }
}
