package io.opengws.voice.rest;

import io.opengws.common.directory.Features;
import io.opengws.common.identity.Caller;
import io.opengws.common.identity.CurrentCaller;
import io.opengws.common.identity.FeatureGate;
import io.opengws.common.wire.GwsStatus;
import io.opengws.common.wire.OperationRequest;
import io.opengws.common.wire.Operations;
import io.opengws.voice.device.AgentState;
import io.opengws.voice.device.VoiceChannel;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /api/v2/me/channels/voice} with Ready or NotReady (reference 2.1). */
@Path("/api/v2/me/channels/voice")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class VoiceChannelResource {

    private final Operations<Caller> operations = Operations.<Caller>of("voice channel")
            .on("Ready", (caller, request) -> change(caller, AgentState.Ready))
            .on("NotReady", (caller, request) -> change(caller, AgentState.NotReady))
            .build();

    @Inject
    CurrentCaller current;

    @Inject
    FeatureGate features;

    @Inject
    VoiceChannel channel;

    @POST
    public Object operate(OperationRequest request) {
        Caller caller = current.get();
        features.require(caller, Features.VOICE);
        return operations.dispatch(caller, request);
    }

    private GwsStatus change(Caller caller, AgentState state) {
        channel.change(caller, state);
        return GwsStatus.ok();
    }
}
