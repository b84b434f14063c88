package io.opengws.notification.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.opengws.common.identity.Caller;
import io.opengws.common.identity.CurrentCaller;
import io.opengws.common.identity.Role;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.GwsResponse;
import io.opengws.notification.audit.MonitoringAuditRepository;
import io.opengws.notification.audit.MonitoringTimeline;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The monitoring audit (CONTRACT.md section 4): a supervisor sees its own subscriptions and sessions, an
 * admin every one of its contact center, a cloud admin every one.
 */
@Path("/api/v2/supervisor/monitoring-sessions")
@Produces(MediaType.APPLICATION_JSON)
public class MonitoringSessionsResource {

    @Inject
    CurrentCaller current;

    @Inject
    MonitoringAuditRepository audit;

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public GwsResponse list(@QueryParam("supervisorId") String supervisorId, @QueryParam("agentId") String agentId,
            @QueryParam("channel") String channel, @QueryParam("from") String from, @QueryParam("to") String to) {
        Caller caller = current.get();
        Optional<String> supervisor = Optional.ofNullable(supervisorId);
        if (!caller.isCloudAdmin() && !caller.has(Role.ROLE_ADMIN)) {
            if (!caller.has(Role.ROLE_SUPERVISOR)) {
                throw GwsException.notPermitted("The monitoring audit needs the role ROLE_SUPERVISOR or ROLE_ADMIN.");
            }
            if (supervisor.isPresent() && !supervisor.get().equals(caller.userId())) {
                throw GwsException.notPermitted("A supervisor sees its own monitoring only.");
            }
            supervisor = Optional.of(caller.userId());
        }
        Optional<Instant> since = instant("from", from);
        Optional<Instant> until = instant("to", to);
        var filter = new MonitoringAuditRepository.Filter(caller.isCloudAdmin() ? Optional.empty() : Optional.of(caller.contactCenterId()),
                supervisor, Optional.ofNullable(agentId), Optional.ofNullable(channel), since, until);
        return GwsResponse.ok().with("monitoringSessions", MonitoringTimeline.of(audit.matching(filter), since, until));
    }

    private static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw GwsException.invalidParameter("The parameter '" + name + "' must be an ISO-8601 instant such as 2026-01-31T09:00:00Z.");
        }
    }
}
