package io.opengws.notification.rest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.events.EventJson;
import io.opengws.common.events.SessionEvent;
import io.opengws.common.identity.Caller;
import io.opengws.common.identity.CurrentCaller;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.GwsResponse;
import io.opengws.common.wire.GwsStatus;
import io.opengws.common.wire.OperationRequest;
import io.opengws.common.wire.Operations;
import io.opengws.notification.directory.DirectoryService;
import io.opengws.notification.directory.ProvisioningPolicy;
import io.opengws.notification.me.MeProjection;
import io.opengws.notification.me.MeResourceRepository;
import io.opengws.notification.session.ContactCenterSessions;
import io.opengws.notification.config.SessionsConfig;
import io.opengws.notification.session.ChannelActivations;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/v2/me}: who the caller is, its state (reference 1.7), and its contact-center session. */
@Path("/api/v2/me")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private static final List<String> PROJECTED = List.of(MeProjection.DEVICES, MeProjection.CALLS, MeProjection.CHATS,
            MeProjection.SMS_SESSIONS, MeProjection.CHANNELS);
    private static final Set<String> SUBRESOURCES = Set.of("features", "settings", MeProjection.DEVICES, MeProjection.CALLS,
            MeProjection.CHATS, MeProjection.SMS_SESSIONS, MeProjection.CHANNELS);

    private final Operations<Caller> operations = Operations.<Caller>of("user session")
            .on("StartContactCenterSession", (caller, request) -> start(caller, request))
            .on("EndContactCenterSession", (caller, request) -> end(caller))
            .build();

    @Inject
    CurrentCaller current;

    @Inject
    DirectoryService directory;

    @Inject
    DirectoryReplica replica;

    @Inject
    DirectoryViews views;

    @Inject
    ContactCenterSessions sessions;

    @Inject
    ChannelActivations activations;

    @Inject
    SessionsConfig sessionsConfig;

    @Inject
    MeResourceRepository resources;

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public GwsResponse me(@QueryParam("subresources") String subresources) {
        Caller caller = current.get();
        var user = directory.user(caller.userId()).orElseThrow(() -> ProvisioningPolicy.unknownUser(caller.userId()));
        Map<String, Object> view = new LinkedHashMap<>(views.user(user));
        for (String subresource : requested(subresources)) {
            view.put(subresource, subresource(caller, subresource));
        }
        return GwsResponse.ok().with("user", view);
    }

    @POST
    public Object operate(OperationRequest request) {
        return operations.dispatch(current.get(), request);
    }

    private Object subresource(Caller caller, String name) {
        return switch (name) {
            case "features" -> replica.contactCenter(caller.contactCenterId()).map(center -> center.features()).orElse(List.of());
            case "settings" -> settingsBySection(replica.contactCenter(caller.contactCenterId()).map(center -> center.settings()).orElse(Map.of()));
            default -> resources.of(caller.userId(), name).stream().map(row -> read(row.body)).toList();
        };
    }

    /** GWS groups settings in sections ({@code settings{section:{key:value}}}); ours are named {@code section.key}. */
    static Map<String, Map<String, String>> settingsBySection(Map<String, String> settings) {
        Map<String, Map<String, String>> sections = new TreeMap<>();
        settings.forEach((name, value) -> {
            int dot = name.indexOf('.');
            String section = dot < 0 ? "general" : name.substring(0, dot);
            sections.computeIfAbsent(section, ignored -> new TreeMap<>()).put(dot < 0 ? name : name.substring(dot + 1), value);
        });
        return sections;
    }

    private static List<String> requested(String subresources) {
        if (subresources == null || subresources.isBlank()) {
            return List.of();
        }
        if (subresources.trim().equals("*")) {
            List<String> all = new java.util.ArrayList<>(List.of("features", "settings"));
            all.addAll(PROJECTED);
            return all;
        }
        List<String> names = Arrays.stream(subresources.split(",")).map(String::trim).filter(name -> !name.isEmpty()).distinct().toList();
        for (String name : names) {
            if (!SUBRESOURCES.contains(name)) {
                throw GwsException.invalidParameter("The subresource '" + GwsException.echo(name) + "' is not known; use "
                        + SUBRESOURCES.stream().sorted().collect(Collectors.joining(", ")) + " or *.");
            }
        }
        return names;
    }

    private GwsResponse start(Caller caller, OperationRequest request) {
        ContactCenterSessions.StartResult result = sessions.start(caller, request.requiredStringList("channels"));
        activations.await(caller.userId(), sessionsConfig.activationPatience());
        boolean allAccepted = result.channels().values().stream().allMatch(status -> status.statusCode() == 0);
        if (allAccepted) {
            return GwsResponse.ok();
        }
        Map<String, GwsStatus> channels = new LinkedHashMap<>(result.channels());
        return GwsResponse.partial().with("channels", channels);
    }

    private GwsResponse end(Caller caller) {
        sessions.end(caller.userId(), caller.contactCenterId(), SessionEvent.EndReason.logout);
        current.endSession();
        return GwsResponse.ok();
    }

    private static JsonNode read(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Unreadable projection row", e);
        }
    }
}
