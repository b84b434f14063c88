package io.opengws.notification.session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.events.SessionEvent;
import io.opengws.common.events.Topics;
import io.opengws.common.identity.Caller;
import io.opengws.common.identity.CallerAuthenticator;
import io.opengws.common.identity.SessionRevocations;
import io.opengws.common.outbox.Outbox;
import io.opengws.common.wire.GwsConfig;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.GwsStatus;
import io.opengws.common.wire.StatusCode;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Contact-center sessions (reference 1.7, decision 13): started with the channels that passed their checks,
 * ended by EndContactCenterSession or by 30 minutes without a request and without a CometD connection.
 * Each start and end is published on {@code gws.sessions}; an end also revokes the user's cookies.
 */
@ApplicationScoped
public class ContactCenterSessions {

    /** What StartContactCenterSession answers per channel, in the order asked. */
    public record StartResult(Map<String, GwsStatus> channels) {
    }

    /** A session end, applied to this service's revocations once committed. */
    record Revocation(String userId, Instant at) {
    }

    private static final Duration ACTIVITY_RESOLUTION = Duration.ofSeconds(30);

    @Inject
    ContactCenterSessionRepository sessions;

    @Inject
    Outbox outbox;

    @Inject
    ChannelActivations activations;

    @Inject
    DirectoryReplica directory;

    @Inject
    SessionRevocations revocations;

    @Inject
    GwsConfig config;

    @Inject
    io.opengws.notification.config.SessionsConfig sessionsConfig;

    @Inject
    CometdPresence presence;

    @Inject
    Event<Revocation> revocation;

    private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();

    @Transactional
    public StartResult start(Caller caller, List<String> channels) {
        if (channels.isEmpty()) {
            throw GwsException.missingParameter("channels");
        }
        Map<String, GwsStatus> results = new LinkedHashMap<>();
        for (String channel : channels) {
            results.put(channel, ChannelAvailability.check(channel, feature -> directory.hasFeature(caller.contactCenterId(), feature)));
        }
        List<String> accepted = results.entrySet().stream().filter(entry -> entry.getValue().statusCode() == 0).map(Map.Entry::getKey).toList();
        if (accepted.isEmpty()) {
            GwsStatus first = results.values().iterator().next();
            throw new GwsException(StatusCode.of(first.statusCode()), first.statusMessage());
        }
        Instant now = Instant.now();
        ContactCenterSession session = sessions.openOf(caller.userId()).orElseGet(() -> {
            ContactCenterSession created = new ContactCenterSession();
            created.sessionId = CallerAuthenticator.newSessionId();
            created.userId = caller.userId();
            created.contactCenterId = caller.contactCenterId();
            created.startedAt = now;
            return created;
        });
        session.channels = String.join(",", accepted);
        session.lastActivityAt = now;
        sessions.persist(session);
        activations.expect(caller.userId(), accepted);
        outbox.add(Topics.SESSIONS, caller.userId(), Outbox.newEventId(), new SessionEvent.SessionStarted(Outbox.newEventId(),
                caller.userId(), caller.contactCenterId(), session.sessionId, accepted, now));
        return new StartResult(results);
    }

    /** Ends the user's session if one is open; the user's cookies are refused from now on either way. */
    @Transactional
    public void end(String userId, String contactCenterId, SessionEvent.EndReason reason) {
        Instant now = Instant.now();
        String sessionId = sessions.openOf(userId).map(session -> {
            session.endedAt = now;
            session.endReason = reason.name();
            return session.sessionId;
        }).orElse(null);
        outbox.add(Topics.SESSIONS, userId, Outbox.newEventId(),
                new SessionEvent.SessionEnded(Outbox.newEventId(), userId, contactCenterId, sessionId, reason, now));
        revocationAfterCommit(userId, now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<ContactCenterSession> open(String userId) {
        return sessions.openOf(userId);
    }

    /** A request of the user was served: the session is alive (written at most every 30 seconds). */
    public void touch(String userId) {
        Instant now = Instant.now();
        Instant previous = lastTouched.get(userId);
        if (previous != null && previous.plus(ACTIVITY_RESOLUTION).isAfter(now)) {
            return;
        }
        lastTouched.put(userId, now);
        QuarkusTransaction.requiringNew().run(() -> sessions.touch(userId, now));
    }

    void announce(@Observes io.quarkus.runtime.StartupEvent start) {
        Log.infof("Contact-center sessions expire after %s with no request and no CometD connection (checked every %s)",
                config.session().timeout(), sessionsConfig.expiryCheck());
    }

    // Not once the service stops: the timer may still fire after its database access has closed.
    @Scheduled(every = "${gws.sessions.expiry-check:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expireIdleSessions() {
        Instant idleBefore = Instant.now().minus(config.session().timeout());
        List<ContactCenterSession> idle = QuarkusTransaction.requiringNew().call(() -> sessions.idleSince(idleBefore));
        for (ContactCenterSession session : idle) {
            if (isConnected(session.userId)) {
                QuarkusTransaction.requiringNew().run(() -> sessions.touch(session.userId, Instant.now()));
                continue;
            }
            Log.infof("Contact-center session of user %s expired after %s without activity", session.userId, config.session().timeout());
            end(session.userId, session.contactCenterId, SessionEvent.EndReason.expired);
        }
    }

    private boolean isConnected(String userId) {
        return presence.isConnected(userId);
    }

    private void revocationAfterCommit(String userId, Instant at) {
        revocation.fire(new Revocation(userId, at));
    }

    void revoke(@Observes(during = TransactionPhase.AFTER_SUCCESS) Revocation ended) {
        revocations.ended(ended.userId(), ended.at());
    }
}
