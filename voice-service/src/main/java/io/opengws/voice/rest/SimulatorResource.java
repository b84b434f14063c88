package io.opengws.voice.rest;

import io.opengws.common.directory.Features;
import io.opengws.common.identity.Caller;
import io.opengws.common.identity.CurrentCaller;
import io.opengws.common.identity.FeatureGate;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.GwsResponse;
import io.opengws.common.wire.GwsStatus;
import io.opengws.common.wire.OperationRequest;
import io.opengws.common.wire.Operations;
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
 * The voice customer simulator (CONTRACT.md section 4), for tests and demos: an outside number calls the
 * routing point or an agent, and hangs up. Feature {@code api-simulator}; an admin of the contact center.
 */
@Path("/api/v2/simulator/calls")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SimulatorResource {

    private record Target(Caller admin, String callId) {
    }

    private final Operations<Target> operations = Operations.<Target>of("simulated call")
            .on("Hangup", (target, request) -> hangup(target))
            .build();

    @Inject
    CurrentCaller current;

    @Inject
    FeatureGate features;

    @Inject
    CallControl calls;

    @POST
    public GwsResponse call(OperationRequest request) {
        Caller admin = admin();
        if (request == null) {
            throw GwsException.missingParameter("from");
        }
        String id = calls.inboundCall(admin, request.requiredString("from"), request.requiredString("to"));
        return GwsResponse.ok().with("id", id);
    }

    @POST
    @Path("/{id}")
    public Object operate(@PathParam("id") String id, OperationRequest request) {
        return operations.dispatch(new Target(admin(), id), request);
    }

    @GET
    @Path("/{id}")
    public GwsResponse get(@PathParam("id") String id) {
        return GwsResponse.ok().with("call", calls.customerView(admin(), id));
    }

    private GwsStatus hangup(Target target) {
        calls.customerHangup(target.admin, target.callId);
        return GwsStatus.ok();
    }

    private Caller admin() {
        Caller caller = current.get();
        features.require(caller, Features.VOICE, Features.SIMULATOR);
        features.requireAdmin(caller, "The simulator needs the role ROLE_ADMIN of this contact center.");
        return caller;
    }
}
