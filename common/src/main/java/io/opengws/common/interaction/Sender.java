package io.opengws.common.interaction;

/**
 * A transcript entry's {@code from}, frozen when the entry is written: a supervisor that later switches mode
 * does not change what its earlier entries showed, and an entry written by a coach keeps saying so.
 */
public record Sender(String participantId, ParticipantRole role, String userId, String nickname, Visibility visibility,
        String customerParticipantId) {
}
