package io.opengws.chat.rest;

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
 * The agent's and supervisor's chat API (reference 3.1–3.8): the chat channel state, the caller's chats and their
 * operations, supervisor monitoring of an agent, and Intrude. The behaviour is common's, shared with SMS.
 */
@Path("/api/v2")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ChatsResource {

    @Inject
    MultimediaApi api;

    @POST
    @Path("/me/channels/chat")
    public Object channel(OperationRequest request) {
        return api.channel(request);
    }

    @GET
    @Path("/me/chats")
    public GwsResponse myChats() {
        return api.mine();
    }

    @GET
    @Path("/me/chats/{id}")
    public GwsResponse myChat(@PathParam("id") String id) {
        return api.one(id);
    }

    @GET
    @Path("/me/chats/{id}/messages")
    public GwsResponse transcript(@PathParam("id") String id, @QueryParam("startIndex") Integer startIndex, @QueryParam("count") Integer count) {
        return api.messages(id, startIndex, count);
    }

    @POST
    @Path("/me/chats/{id}")
    public GwsResponse operate(@PathParam("id") String id, OperationRequest request) {
        return api.operate(id, request);
    }

    @POST
    @Path("/users/{agentId}/channels/chat")
    public Object monitor(@PathParam("agentId") String agentId, OperationRequest request) {
        return api.monitor(agentId, request);
    }

    @POST
    @Path("/users/{agentId}/chats/{id}")
    public GwsStatus intrude(@PathParam("agentId") String agentId, @PathParam("id") String id, OperationRequest request) {
        return api.intrude(agentId, id, request);
    }
}
