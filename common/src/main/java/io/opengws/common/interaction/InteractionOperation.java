package io.opengws.common.interaction;

import java.util.Optional;

/**
 * The operations an agent or supervisor posts to {@code /api/v2/me/chats/{id}} or
 * {@code /api/v2/me/smssessions/{id}} (reference 3.4, 3.7, 4.2), by their wire names. The declaration order is
 * the order of every {@code capabilities} list, chosen so that the supervisor lists come out exactly as the
 * seed 004 table prints them.
 */
public enum InteractionOperation {
    Accept, Reject,
    Leave, Complete, LeaveAndComplete,
    SetInFocus, SetDisposition, AttachUserData, DeleteUserData, UpdateUserData, AddComment,
    Transfer, Invite, Consult, RemoveParticipantFromConference,
    SendToAgents, SendStartTypingToAgentsNotification, SendStopTypingToAgentsNotification,
    SendMessage, SendStartTypingNotification, SendStopTypingNotification, SendUrl, SendNicknameUpdatedNotice,
    SwitchToMonitor, SwitchToCoach, SwitchToBargeIn;

    /**
     * Whether it only writes to the conversation (a message, a notice, typing): it changes no participant, so that
     * it touches nothing but the interaction, its transcript and its notifications.
     */
    public boolean onlyWrites() {
        return switch (this) {
            case SendToAgents, SendStartTypingToAgentsNotification, SendStopTypingToAgentsNotification, SendMessage,
                    SendStartTypingNotification, SendStopTypingNotification, SendUrl, SendNicknameUpdatedNotice -> true;
            default -> false;
        };
    }

    public static Optional<InteractionOperation> of(String operationName) {
        for (InteractionOperation operation : values()) {
            if (operation.name().equals(operationName)) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }
}
