package io.opengws.common.multimedia;

import java.util.Optional;

import io.opengws.common.directory.Features;
import io.opengws.common.identity.Caller;
import io.opengws.common.identity.CurrentCaller;
import io.opengws.common.identity.FeatureGate;
import io.opengws.common.interaction.SupervisorMode;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.GwsResponse;
import io.opengws.common.wire.GwsStatus;
import io.opengws.common.wire.OperationRequest;
import io.opengws.common.wire.Operations;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The agent's and supervisor's API of a multimedia channel (reference 3.1–3.8 for chat, 4 for SMS), the same for
 * both channels but for their names: the channel state, the caller's interactions and their operations, monitoring
 * of an agent, Intrude. Feature {@code api-multimedia}. {@link MultimediaResource} maps the paths onto these methods.
 */
@IfBuildProperty(name = "gws.multimedia.enabled", stringValue = "true")
@ApplicationScoped
public class MultimediaApi {

    /** What a monitoring operation acts on: the supervisor and the agent it monitors. */
    record Monitoring(Caller supervisor, String agentId) {
    }

    @Inject
    CurrentCaller current;

    @Inject
    FeatureGate features;

    @Inject
    MediaChannel channel;

    @Inject
    InteractionDesk desk;

    @Inject
    MediaChannelStates channelStates;

    @Inject
    MediaMonitoringControl monitoring;

    private final Operations<Caller> channelOperations = Operations.<Caller>of("channel")
            .on("Ready", (caller, request) -> ready(caller, true))
            .on("NotReady", (caller, request) -> ready(caller, false))
            .build();

    private final Operations<Monitoring> monitoringOperations = Operations.<Monitoring>of("channel of a user")
            .on("Monitor", (target, request) -> configure(target, SupervisorMode.Monitor, request))
            .on("Coach", (target, request) -> configure(target, SupervisorMode.Coach, request))
            .on("BargeIn", (target, request) -> configure(target, SupervisorMode.BargeIn, request))
            .on("CancelSupervisorMonitoring", (target, request) -> {
                monitoring.cancel(target.supervisor(), target.agentId());
                return GwsStatus.ok();
            })
            .build();

    /** Only this service's channel is served here; the other one's names are unknown paths. */
    public void requireChannel(String name) {
        if (!channel.name().equals(name)) {
            throw GwsException.notFound("There is no channel '" + GwsException.echo(name) + "' here.");
        }
    }

    public void requireSegment(String segment) {
        if (!channel.naming().segment().equals(segment)) {
            throw GwsException.notFound("There are no '" + GwsException.echo(segment) + "' here.");
        }
    }

    /** {@code POST /api/v2/me/channels/{channel}}: Ready, NotReady. */
    public Object channel(OperationRequest request) {
        return channelOperations.dispatch(caller(), required(request));
    }

    /** {@code GET /api/v2/me/{chats|smssessions}}. */
    public GwsResponse mine() {
        return GwsResponse.ok().with(channel.naming().segment(), desk.interactionsOf(caller()));
    }

    /** {@code GET /api/v2/me/{chats|smssessions}/{id}}. */
    public GwsResponse one(String id) {
        return GwsResponse.ok().with(channel.naming().resourceKey(), desk.interactionOf(caller(), id));
    }

    /** {@code GET /api/v2/me/{chats|smssessions}/{id}/messages?startIndex&count}. */
    public GwsResponse messages(String id, Integer startIndex, Integer count) {
        if (startIndex != null && startIndex < 1 || count != null && count < 0) {
            throw GwsException.invalidParameter("startIndex starts at 1 and count is not negative.");
        }
        return GwsResponse.ok().with("messages", desk.transcriptOf(caller(), id, startIndex == null ? 1 : startIndex,
                count == null ? Integer.MAX_VALUE : count));
    }

    /** {@code POST /api/v2/me/{chats|smssessions}/{id}}: the operations of reference 3.4 and 3.7. */
    public GwsResponse operate(String id, OperationRequest request) {
        int referenceId = desk.operate(caller(), id, required(request).operationName(), request);
        return GwsResponse.ok().with("referenceId", referenceId);
    }

    /** {@code POST /api/v2/users/{agentId}/channels/{channel}}: Monitor, Coach, BargeIn, CancelSupervisorMonitoring. */
    public Object monitor(String agentId, OperationRequest request) {
        Caller caller = caller();
        features.require(caller, Features.SUPERVISOR_MONITORING);
        return monitoringOperations.dispatch(new Monitoring(caller, agentId), required(request));
    }

    /** {@code POST /api/v2/users/{agentId}/{chats|smssessions}/{id}}: Intrude (reference 3.8). */
    public GwsStatus intrude(String agentId, String id, OperationRequest request) {
        Caller caller = caller();
        features.require(caller, Features.SUPERVISOR_MONITORING);
        if (!"Intrude".equals(required(request).operationName())) {
            throw GwsException.invalidParameter("The operation '" + GwsException.echo(request.operationName())
                    + "' is not supported here; supported operations: Intrude.");
        }
        monitoring.intrude(caller, agentId, id, request.optionalEnum("supervisorVisibilityMode", SupervisorMode.class));
        return GwsStatus.ok();
    }

    private GwsStatus ready(Caller caller, boolean ready) {
        channelStates.change(caller, ready);
        return GwsStatus.ok();
    }

    private GwsStatus configure(Monitoring target, SupervisorMode mode, OperationRequest request) {
        // CONTRACT decision 22: supervisorMonitoringScope is ignored on multimedia channels.
        MediaMonitoring.Scope scope = request.optionalEnum("supervisorMonitoringMode", MediaMonitoring.Scope.class)
                .orElse(MediaMonitoring.Scope.AllChats);
        Optional<String> nickname = request.optionalString("nickname");
        monitoring.configure(target.supervisor(), target.agentId(), mode, scope, nickname);
        return GwsStatus.ok();
    }

    private Caller caller() {
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
