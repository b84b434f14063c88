package io.opengws.common.multimedia;

import io.opengws.common.wire.GwsResponse;
import io.opengws.common.wire.GwsStatus;
import io.opengws.common.wire.OperationRequest;
import io.quarkus.arc.properties.IfBuildProperty;
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
 * The paths of the agent's and supervisor's chat and SMS API (reference 3.1–3.8 and 4.1), served by chat-service
 * and sms-service alike: each answers only its own channel's names and treats the other's as unknown (the edge
 * never sends them there). The behaviour is {@link MultimediaApi}'s.
 */
@IfBuildProperty(name = "gws.multimedia.enabled", stringValue = "true")
@Path("/api/v2")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MultimediaResource {

    @Inject
    MultimediaApi api;

    @POST
    @Path("/me/channels/{channel: chat|smssession}")
    public Object channel(@PathParam("channel") String channel, OperationRequest request) {
        api.requireChannel(channel);
        return api.channel(request);
    }

    @GET
    @Path("/me/{segment: chats|smssessions}")
    public GwsResponse mine(@PathParam("segment") String segment) {
        api.requireSegment(segment);
        return api.mine();
    }

    @GET
    @Path("/me/{segment: chats|smssessions}/{id}")
    public GwsResponse one(@PathParam("segment") String segment, @PathParam("id") String id) {
        api.requireSegment(segment);
        return api.one(id);
    }

    @GET
    @Path("/me/{segment: chats|smssessions}/{id}/messages")
    public GwsResponse transcript(@PathParam("segment") String segment, @PathParam("id") String id,
            @QueryParam("startIndex") Integer startIndex, @QueryParam("count") Integer count) {
        api.requireSegment(segment);
        return api.messages(id, startIndex, count);
    }

    @POST
    @Path("/me/{segment: chats|smssessions}/{id}")
    public GwsResponse operate(@PathParam("segment") String segment, @PathParam("id") String id, OperationRequest request) {
        api.requireSegment(segment);
        return api.operate(id, request);
    }

    @POST
    @Path("/users/{agentId}/channels/{channel: chat|smssession}")
    public Object monitor(@PathParam("agentId") String agentId, @PathParam("channel") String channel, OperationRequest request) {
        api.requireChannel(channel);
        return api.monitor(agentId, request);
    }

    @POST
    @Path("/users/{agentId}/{segment: chats|smssessions}/{id}")
    public GwsStatus intrude(@PathParam("agentId") String agentId, @PathParam("segment") String segment, @PathParam("id") String id,
            OperationRequest request) {
        api.requireSegment(segment);
        return api.intrude(agentId, id, request);
    }
}
