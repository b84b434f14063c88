package io.opengws.common.interaction;

import java.util.ArrayList;
import java.util.List;

/**
 * Who sees what of an interaction: the one place that decides, per reader, which participants it is shown and
 * which transcript entries it reads, and how those entries are numbered for it.
 *
 * <ul>
 *   <li>An entry or participant is seen by the audiences of its {@link Visibility}: a monitor (Supervisors) only
 *       by supervisors, a coach (Agents) by agents and supervisors, everyone else (All) by everyone.</li>
 *   <li>Each audience numbers the entries it sees 1, 2, 3... with no gaps: a gap in the customer's or an agent's
 *       numbering would betray that something was written they may not read.</li>
 *   <li>The customer's transcript, live or read after the interaction ended, holds only entries of visibility All.</li>
 * </ul>
 */
public final class VisibilityPolicy {

    /** A transcript entry with the index its reader is shown. */
    public record SeenEntry(int index, TranscriptEntry entry) {
    }

    private VisibilityPolicy() {
    }

    public static boolean sees(Audience reader, Participant other) {
        return other.visibility.seenBy(reader);
    }

    public static boolean sees(Audience reader, TranscriptEntry entry) {
        return entry.visibility.seenBy(reader);
    }

    /** The participants in the conversation that this audience sees, in the order they arrived. */
    public static List<Participant> participantsSeenBy(Interaction interaction, Audience reader) {
        return interaction.participants.stream().filter(other -> other.present() && sees(reader, other)).toList();
    }

    /**
     * The {@code participants} of the viewer's own resource: those it sees while it is offered the interaction or in
     * it; none once it has left (seed 004: a Revoked supervisor's chat lists none).
     */
    public static List<Participant> participantsSeenBy(Interaction interaction, Participant viewer) {
        if (viewer.state != InteractionState.Invited && viewer.state != InteractionState.Chatting) {
            return List.of();
        }
        return participantsSeenBy(interaction, viewer.audience());
    }

    /**
     * Whether the viewer sees, besides itself, someone of type Agent in the conversation: another agent, a coach or a
     * barged-in supervisor, never a silent monitor.
     */
    public static boolean seesAnotherAgent(Interaction interaction, Participant viewer) {
        Audience audience = viewer.audience();
        for (Participant other : interaction.participants) {
            if (other != viewer && !other.isCustomer() && other.present() && sees(audience, other)) {
                return true;
            }
        }
        return false;
    }

    /** The whole transcript as this audience reads it, numbered for it. */
    public static List<SeenEntry> transcriptFor(Interaction interaction, Audience reader) {
        return transcriptFor(interaction, reader, 0);
    }

    /**
     * The entries this audience reads among those written after the first {@code alreadyWritten} entries of the
     * whole transcript, numbered for it. Every such entry must be at hand ({@link Interaction#hasWholeTranscript}
     * when {@code alreadyWritten} is 0): a gap would silently drop messages.
     */
    public static List<SeenEntry> transcriptFor(Interaction interaction, Audience reader, int alreadyWritten) {
        int firstAtHand = interaction.firstEntryAtHand();
        if (alreadyWritten + 1 < firstAtHand) {
            throw new IllegalStateException("Entries " + (alreadyWritten + 1) + " to " + (firstAtHand - 1) + " of "
                    + interaction.id + " are needed but not at hand");
        }
        List<SeenEntry> seen = new ArrayList<>();
        for (TranscriptEntry entry : interaction.transcript) {
            if (entry.index > alreadyWritten && sees(reader, entry)) {
                seen.add(new SeenEntry(entry.indexFor(reader), entry));
            }
        }
        return seen;
    }
}
