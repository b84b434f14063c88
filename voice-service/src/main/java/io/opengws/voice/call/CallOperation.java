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

    /**
     * Whether the operation changes nothing but its own call, and no one joins or leaves it: it may start from the
     * call as last written and be written in one statement ({@code CallStore}). Answer (supervisors join), Hangup
     * (an agent becomes free), the transfers and conferences (other calls) and the switches of monitoring (audited)
     * may not.
     */
    public boolean changesOnlyItsCall() {
        return switch (this) {
            case Hold, Retrieve, MuteCall, UnmuteCall, SendDtmf, AttachUserData, UpdateUserData, DeleteUserData, DeleteUserDataPair,
                    MuteMonitoredUser, UnmuteMonitoredUser -> true;
            default -> false;
        };
    }

    public static Optional<CallOperation> of(String operationName) {
        for (CallOperation operation : values()) {
            if (operation.name().equals(operationName)) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }
}
