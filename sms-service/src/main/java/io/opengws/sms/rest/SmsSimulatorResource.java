package io.opengws.sms.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

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
    public GwsResponse received(@Context UriInfo uri) {
        Caller admin = admin();
        String msisdn = msisdn(uri);
        if (msisdn == null || msisdn.isBlank()) {
            throw GwsException.missingParameter("msisdn");
        }
        List<Map<String, Object>> texts = inbound.receivedBy(admin, msisdn).stream()
                .map(message -> Map.<String, Object>of("text", message.text, "at", InteractionView.timestamp(message.at)))
                .toList();
        return GwsResponse.ok().with("msisdn", msisdn).with("messages", texts);
    }

    /**
     * CONTRACT section 4 writes {@code ?msisdn=+15551234567}: a plus typed as is belongs to the number, where form
     * decoding would turn it into a space (and read another phone). Percent-escapes, {@code %2B} included, still decode.
     */
    private static String msisdn(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        for (String parameter : query == null ? new String[0] : query.split("&")) {
            if (parameter.startsWith("msisdn=")) {
                // A java.net.URI's raw query has well-formed escapes only, so decoding cannot fail.
                return URLDecoder.decode(parameter.substring("msisdn=".length()).replace("+", "%2B"), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private Caller admin() {
        Caller caller = current.get();
        features.require(caller, Features.MULTIMEDIA, Features.SIMULATOR);
        features.requireAdmin(caller, "The simulator needs the role ROLE_ADMIN of this contact center.");
        return caller;
    }
}
