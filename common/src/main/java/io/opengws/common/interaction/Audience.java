package io.opengws.common.interaction;

/**
 * The kinds of reader a visibility is decided for. A supervisor reads as a supervisor whatever its mode:
 * its mode decides who sees it, not what it sees.
 */
public enum Audience {
    CUSTOMER, AGENT, SUPERVISOR
}
