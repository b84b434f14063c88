package io.opengws.voice.telephony;

import io.opengws.voice.device.Device;

/** What a dialled number reaches in a contact center. */
public sealed interface Destination {

    String phoneNumber();

    /** A device of the contact center: it rings. */
    record ToDevice(String phoneNumber, Device device) implements Destination {
    }

    /** The routing point: the call waits for the longest-idle Ready agent. */
    record ToRoutingPoint(String phoneNumber) implements Destination {
    }

    /** A number outside the contact center: it answers at once (there is no real network behind it). */
    record Outside(String phoneNumber) implements Destination {
    }
}
