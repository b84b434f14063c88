package io.opengws.notification.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ContactCenterSessionRepository implements PanacheRepositoryBase<ContactCenterSession, String> {

    public Optional<ContactCenterSession> openOf(String userId) {
        return find("userId = ?1 and endedAt is null", userId).firstResultOptional();
    }

    public List<ContactCenterSession> idleSince(Instant before) {
        return list("endedAt is null and lastActivityAt < ?1", before);
    }

    public void touch(String userId, Instant at) {
        update("lastActivityAt = ?1 where userId = ?2 and endedAt is null", at, userId);
    }
}
