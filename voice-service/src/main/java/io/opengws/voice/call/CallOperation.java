package io.opengws.voice.call;

import java.util.Optional;

/** The operations of {@code POST /api/v2/me/calls/{id}} (reference 2.3, 2.5), by their wire names. */
public enum CallOperation {
    Answer, Hangup, Hold, Retrieve,
    InitiateTransfer, CompleteTransfer, SingleStepTransfer,
    InitiateConference, CompleteConference, SingleStepConference, RemoveParticipantFromConference,
    SwapCalls, SendDtmf,
    AttachUserData, UpdateUserData, DeleteUserData, DeleteUserDataPair,
    MuteCall, UnmuteCall,
    SwitchToListenIn, SwitchToCoach, SwitchToBargeIn, MuteMonitoredUser, UnmuteMonitoredUser;

    public static Optional<CallOperation> of(String operationName) {
        for (CallOperation operation : values()) {
            if (operation.name().equals(operationName)) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }
}
