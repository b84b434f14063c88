package io.opengws.voice.call;

/** The state of one party's leg of a call, as its call resource shows it (reference 2.2). */
public enum LegState {
    Dialing, Ringing, Established, Held, Released;

    public boolean live() {
        return this != Released;
    }
}
