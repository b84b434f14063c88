package io.opengws.voice.call;

/** Why a consult call was made, which decides how it completes. */
public enum ConsultKind {
    Transfer, Conference
}
