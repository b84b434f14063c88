package io.opengws.common.multimedia;

/**
 * A change started from an interaction as this service remembered it, and the row has moved on since: nothing was
 * written, and the change is to be done again from the row ({@link InteractionDesk#operate}). Not an error anyone sees.
 */
final class StaleInteraction extends RuntimeException {

    StaleInteraction(String interactionId) {
        // No stack trace: it is expected, and handled one frame up.
        super("The interaction " + interactionId + " changed since this service last wrote it", null, false, false);
    }
}
