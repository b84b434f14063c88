package io.opengws.chat.rest;

import java.util.Optional;

import io.opengws.common.directory.Features;
import io.opengws.common.identity.Caller;
import io.opengws.common.identity.CurrentCaller;
import io.opengws.common.identity.FeatureGate;
import io.opengws.common.interaction.SupervisorMode;
import io.opengws.common.multimedia.InteractionDesk;
import io.opengws.common.multimedia.MediaChannelStates;
import io.opengws.common.multimedia.MediaMonitoring;
import io.opengws.common.multimedia.MediaMonitoringControl;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.GwsResponse;
import io.opengws.common.wire.GwsStatus;
import io.opengws.common.wire.OperationRequest;
import io.opengws.common.wire.Operations;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The agent's and supervisor's chat API (reference 3.1–3.8): the chat channel state, the caller's chats and their
 * operations, supervisor monitoring of an agent, and Intrude. Feature {@code api-multimedia}.
 */
@Path("/api/v2")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ChatsResource {

    /** What a monitoring operation acts on: the supervisor and the agent it monitors. */
    record Monitoring(Caller supervisor, String agentId) {
    }

    @Inject
    CurrentCaller current;

    @Inject
    FeatureGate features;

    @Inject
    InteractionDesk desk;

    @Inject
    MediaChannelStates channelStates;

    @Inject
    MediaMonitoringControl monitoring;

    private final Operations<Caller> channelOperations = Operations.<Caller>of("chat channel")
            .on("Ready", (caller, request) -> ready(caller, true))
            .on("NotReady", (caller, request) -> ready(caller, false))
            .build();

    private final Operations<Monitoring> monitoringOperations = Operations.<Monitoring>of("chat channel of a user")
            .on("Monitor", (target, request) -> configure(target, SupervisorMode.Monitor, request))
            .on("Coach", (target, request) -> configure(target, SupervisorMode.Coach, request))
            .on("BargeIn", (target, request) -> configure(target, SupervisorMode.BargeIn, request))
            .on("CancelSupervisorMonitoring", (target, request) -> {
                monitoring.cancel(target.supervisor(), target.agentId());
                return GwsStatus.ok();
            })
            .build();

    @POST
    @Path("/me/channels/chat")
    public Object channel(OperationRequest request) {
        return channelOperations.dispatch(chatCaller(), required(request));
    }

    @GET
    @Path("/me/chats")
    public GwsResponse myChats() {
        return GwsResponse.ok().with("chats", desk.interactionsOf(chatCaller()));
    }

    @GET
    @Path("/me/chats/{id}")
    public GwsResponse myChat(@PathParam("id") String id) {
        return GwsResponse.ok().with("chat", desk.interactionOf(chatCaller(), id));
    }

    @POST
    @Path("/me/chats/{id}")
    public GwsResponse operate(@PathParam("id") String id, OperationRequest request) {
        int referenceId = desk.operate(chatCaller(), id, required(request).operationName(), request);
        return GwsResponse.ok().with("referenceId", referenceId);
    }

    @POST
    @Path("/users/{agentId}/channels/chat")
    public Object monitor(@PathParam("agentId") String agentId, OperationRequest request) {
        Caller caller = chatCaller();
        features.require(caller, Features.SUPERVISOR_MONITORING);
        return monitoringOperations.dispatch(new Monitoring(caller, agentId), required(request));
    }

    @POST
    @Path("/users/{agentId}/chats/{id}")
    public GwsStatus intrude(@PathParam("agentId") String agentId, @PathParam("id") String id, OperationRequest request) {
        Caller caller = chatCaller();
        features.require(caller, Features.SUPERVISOR_MONITORING);
        if (!"Intrude".equals(required(request).operationName())) {
            throw GwsException.invalidParameter("The operation '" + GwsException.echo(request.operationName())
                    + "' is not supported on a user's chat; supported operations: Intrude.");
        }
        monitoring.intrude(caller, agentId, id, request.optionalEnum("supervisorVisibilityMode", SupervisorMode.class));
        return GwsStatus.ok();
    }

    private GwsStatus ready(Caller caller, boolean ready) {
        channelStates.change(caller, ready);
        return GwsStatus.ok();
    }

    private GwsStatus configure(Monitoring target, SupervisorMode mode, OperationRequest request) {
        MediaMonitoring.Scope scope = request.optionalEnum("supervisorMonitoringMode", MediaMonitoring.Scope.class)
                .orElse(MediaMonitoring.Scope.AllChats);
        Optional<String> nickname = request.optionalString("nickname");
        monitoring.configure(target.supervisor(), target.agentId(), mode, scope, nickname);
        return GwsStatus.ok();
    }

    private Caller chatCaller() {
        Caller caller = current.get();
        features.require(caller, Features.MULTIMEDIA);
        return caller;
    }

    private static OperationRequest required(OperationRequest request) {
        if (request == null) {
            throw GwsException.missingParameter(OperationRequest.OPERATION_NAME);
        }
        return request;
    }
}
