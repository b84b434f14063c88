package io.opengws.voice.call;

/** {@code callType} of a call resource, from the point of view of the party that owns it (reference 2.2). */
public enum CallType {
    Internal, Inbound, Outbound, Consult
}
