package io.opengws.common.multimedia;

import java.util.ArrayList;
import java.util.List;

import io.opengws.common.events.EventJson;
import io.opengws.common.interaction.Interaction;
import io.opengws.common.interaction.TranscriptEntry;

/**
 * The transcript entries a change wrote (those after the {@code storedBefore} the interaction had when it was read),
 * as the statements that append them take them: their indexes and their JSON bodies, one array each.
 */
record NewEntries(Integer[] indexes, String[] bodies) {

    static NewEntries of(Interaction interaction, int storedBefore) {
        List<Integer> indexes = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (TranscriptEntry entry : interaction.transcript) {
            if (entry.index > storedBefore) {
                indexes.add(entry.index);
                bodies.add(EventJson.write(entry));
            }
        }
        return new NewEntries(indexes.toArray(Integer[]::new), bodies.toArray(String[]::new));
    }

    int size() {
        return indexes.length;
    }
}
