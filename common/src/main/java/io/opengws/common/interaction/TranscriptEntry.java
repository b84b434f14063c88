package io.opengws.common.interaction;

import java.time.Instant;

/**
 * One entry of an interaction's transcript (reference 3.3). {@link #index} is its position in the whole
 * transcript; each reader is shown its own numbering of the entries it may see ({@link VisibilityPolicy}).
 * Entries are stored one by one, apart from the interaction, and never change once written.
 */
public class TranscriptEntry {

    /** 1-based position in the whole transcript; supervisors, who see everything, are shown exactly this. */
    public int index;
    public EntryType type;
    public Visibility visibility;
    public Sender from;
    /** Text of a {@code Text}, {@code TypingStarted} or {@code TypingStopped} entry. */
    public String text;
    /** Of a {@code PushUrl} entry. */
    public String url;
    /** Of a {@code Notice} or {@code NicknameUpdated} entry. */
    public String noticeText;
    public Instant timestamp;
    /**
     * Its number among the entries agents may read, and among those the customer may read (null: not for them),
     * fixed when it is written: each entry carries its numbering, so an entry is rendered without the ones before it.
     */
    public Integer agentIndex;
    public Integer customerIndex;

    /** The number this reader is shown, or null when it may not read this entry. */
    public Integer indexFor(Audience reader) {
        return switch (reader) {
            case SUPERVISOR -> index;
            case AGENT -> agentIndex;
            case CUSTOMER -> customerIndex;
        };
    }
}
