package io.opengws.sms.rest;

import io.opengws.common.multimedia.MultimediaApi;
import io.opengws.common.wire.GwsResponse;
import io.opengws.common.wire.GwsStatus;
import io.opengws.common.wire.OperationRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The agent's and supervisor's SMS API (reference 4, named as in 4.1): the smssession channel state, the caller's SMS
 * sessions and their operations, supervisor monitoring of an agent, and Intrude. The behaviour is common's, shared with
 * chat.
 */
@Path("/api/v2")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SmsSessionsResource {

    @Inject
    MultimediaApi api;

    @POST
    @Path("/me/channels/smssession")
    public Object channel(OperationRequest request) {
        return api.channel(request);
    }

    @GET
    @Path("/me/smssessions")
    public GwsResponse mySessions() {
        return api.mine();
    }

    @GET
    @Path("/me/smssessions/{id}")
    public GwsResponse mySession(@PathParam("id") String id) {
        return api.one(id);
    }

    @GET
    @Path("/me/smssessions/{id}/messages")
    public GwsResponse transcript(@PathParam("id") String id, @QueryParam("startIndex") Integer startIndex, @QueryParam("count") Integer count) {
        return api.messages(id, startIndex, count);
    }

    @POST
    @Path("/me/smssessions/{id}")
    public GwsResponse operate(@PathParam("id") String id, OperationRequest request) {
        return api.operate(id, request);
    }

    @POST
    @Path("/users/{agentId}/channels/smssession")
    public Object monitor(@PathParam("agentId") String agentId, OperationRequest request) {
        return api.monitor(agentId, request);
    }

    @POST
    @Path("/users/{agentId}/smssessions/{id}")
    public GwsStatus intrude(@PathParam("agentId") String agentId, @PathParam("id") String id, OperationRequest request) {
        return api.intrude(agentId, id, request);
    }
}
