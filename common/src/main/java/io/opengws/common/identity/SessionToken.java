package io.opengws.common.identity;

import java.time.Instant;

/** What a {@code JSESSIONID} cookie carries, signed: whose session it is and when it was issued. */
public record SessionToken(String userId, String contactCenterId, String sessionId, Instant issuedAt, Instant expiresAt) {
}
