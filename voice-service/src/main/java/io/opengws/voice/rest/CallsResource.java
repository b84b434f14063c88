package io.opengws.voice.rest;

import io.opengws.common.directory.Features;
import io.opengws.common.identity.Caller;
import io.opengws.common.identity.CurrentCaller;
import io.opengws.common.identity.FeatureGate;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.GwsResponse;
import io.opengws.common.wire.GwsStatus;
import io.opengws.common.wire.OperationRequest;
import io.opengws.voice.device.DeviceControl;
import io.opengws.voice.telephony.CallControl;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Calls and device operations of the caller (reference 2.1 to 2.5): {@code /api/v2/me/calls[/{id}]},
 * {@code POST /api/v2/me/devices/{id}} and {@code POST /api/v2/me/devices/{id}/calls} (Dial).
 */
@Path("/api/v2")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {

    @Inject
    CurrentCaller current;

    @Inject
    FeatureGate features;

    @Inject
    CallControl calls;

    @Inject
    DeviceControl deviceControl;

    @GET
    @Path("/me/calls")
    public GwsResponse myCalls() {
        return GwsResponse.ok().with("calls", calls.callsOf(voiceCaller()));
    }

    @GET
    @Path("/me/calls/{id}")
    public GwsResponse myCall(@PathParam("id") String id) {
        return GwsResponse.ok().with("call", calls.callOf(voiceCaller(), id));
    }

    @POST
    @Path("/me/calls/{id}")
    public GwsStatus operate(@PathParam("id") String id, OperationRequest request) {
        Caller caller = voiceCaller();
        calls.operate(caller, id, operationName(request), request);
        return GwsStatus.ok();
    }

    @POST
    @Path("/me/devices/{id}")
    public GwsStatus operateDevice(@PathParam("id") String id, OperationRequest request) {
        deviceControl.operate(voiceCaller(), id, request);
        return GwsStatus.ok();
    }

    @POST
    @Path("/me/devices/{id}/calls")
    public GwsStatus dial(@PathParam("id") String id, OperationRequest request) {
        Caller caller = voiceCaller();
        String operationName = operationName(request);
        if (!"Dial".equals(operationName)) {
            throw GwsException.invalidParameter("The operation '" + GwsException.echo(operationName)
                    + "' is not supported on a device's calls; supported operations: Dial.");
        }
        calls.dial(caller, id, request);
        return GwsStatus.ok();
    }

    private Caller voiceCaller() {
        Caller caller = current.get();
        features.require(caller, Features.VOICE);
        return caller;
    }

    private static String operationName(OperationRequest request) {
        if (request == null) {
            throw GwsException.missingParameter(OperationRequest.OPERATION_NAME);
        }
        return request.operationName();
    }
}
