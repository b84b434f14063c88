package io.opengws.common.interaction;

/** The {@code type} of a transcript entry (reference 3.3, 4.1). */
public enum EntryType {
    Text, ParticipantJoined, ParticipantLeft, ParticipantRejoined, TypingStarted, TypingStopped, PushUrl, Notice,
    NicknameUpdated
}
