package io.opengws.sms.rest;

import java.util.List;
import java.util.Map;

import io.opengws.common.directory.Features;
import io.opengws.common.identity.Caller;
import io.opengws.common.identity.CurrentCaller;
import io.opengws.common.identity.FeatureGate;
import io.opengws.common.interaction.InteractionView;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.GwsResponse;
import io.opengws.common.wire.OperationRequest;
import io.opengws.sms.inbound.InboundSms;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The SMS customer simulator (CONTRACT section 4), for tests and demos: a phone texts the SMS routing point, and
 * reads what it was sent. Feature {@code api-simulator}; an admin of the contact center.
 */
@Path("/api/v2/simulator/sms")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SmsSimulatorResource {

    @Inject
    CurrentCaller current;

    @Inject
    FeatureGate features;

    @Inject
    InboundSms inbound;

    @POST
    public GwsResponse send(OperationRequest request) {
        Caller admin = admin();
        if (request == null) {
            throw GwsException.missingParameter("from");
        }
        String sessionId = inbound.receive(admin, request.requiredString("from"), request.requiredString("to"), request.requiredString("text"));
        return GwsResponse.ok().with("smssessionId", sessionId);
    }

    @GET
    public GwsResponse received(@QueryParam("msisdn") String msisdn) {
        Caller admin = admin();
        if (msisdn == null || msisdn.isBlank()) {
            throw GwsException.missingParameter("msisdn");
        }
        List<Map<String, Object>> texts = inbound.receivedBy(admin, msisdn).stream()
                .map(message -> Map.<String, Object>of("text", message.text, "at", InteractionView.timestamp(message.at)))
                .toList();
        return GwsResponse.ok().with("msisdn", msisdn).with("messages", texts);
    }

    private Caller admin() {
        Caller caller = current.get();
        features.require(caller, Features.MULTIMEDIA, Features.SIMULATOR);
        if (!caller.administers(caller.contactCenterId())) {
            throw GwsException.notPermitted("The simulator needs the role ROLE_ADMIN of this contact center.");
        }
        return caller;
    }
}
