package io.opengws.notification.cometd;

/** The user a Bayeux session belongs to, and that user's contact center. */
public record BayeuxPrincipal(String userId, String contactCenterId) {
}
