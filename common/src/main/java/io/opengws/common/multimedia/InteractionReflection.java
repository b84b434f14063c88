package io.opengws.common.multimedia;

import io.opengws.common.interaction.EntryType;
import io.opengws.common.interaction.Interaction;
import io.opengws.common.interaction.InteractionState;
import io.opengws.common.interaction.Participant;
import io.opengws.common.interaction.ParticipantRole;
import io.opengws.common.interaction.Sender;
import io.opengws.common.interaction.SupervisorMode;
import io.opengws.common.interaction.TranscriptEntry;
import io.opengws.common.interaction.Visibility;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The engine's state is stored as JSON (Jackson, by reflection) but the engine is plain Java without Quarkus
 * annotations: its classes are registered here so that a native image can read and write them.
 */
@RegisterForReflection(targets = {Interaction.class, Participant.class, TranscriptEntry.class, Sender.class, InteractionState.class,
        ParticipantRole.class, SupervisorMode.class, Visibility.class, EntryType.class})
public final class InteractionReflection {

    private InteractionReflection() {
    }
}
