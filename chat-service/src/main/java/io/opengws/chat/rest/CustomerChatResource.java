package io.opengws.chat.rest;

import java.util.Map;

import io.opengws.chat.customer.CustomerChats;
import io.opengws.common.identity.Anonymous;
import io.opengws.common.interaction.EntryType;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.GwsResponse;
import io.opengws.common.wire.GwsStatus;
import io.opengws.common.wire.OperationRequest;
import io.opengws.common.wire.Operations;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The Customer Chat API (reference 3.9): {@code /api/v2/chats[/]}, {@code /api/v2/chats/{id}[/messages]}. */
@Anonymous
@Path("/api/v2/chats")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CustomerChatResource {

    public static final String CONTACT_CENTER_HEADER = "ContactCenterId";

    /** What a customer's operation acts on: the contact center and the customer's chat id. */
    record Target(String contactCenterId, String chatId) {
    }

    @Inject
    CustomerChats chats;

    private final Operations<Target> operations = Operations.<Target>of("customer chat")
            .on("SendMessage", (target, request) -> write(target, EntryType.Text, request.requiredString("text")))
            .on("SendStartTypingNotification", (target, request) -> write(target, EntryType.TypingStarted, request.optionalString("text").orElse(null)))
            .on("SendStopTypingNotification", (target, request) -> write(target, EntryType.TypingStopped, request.optionalString("text").orElse(null)))
            .on("Complete", (target, request) -> {
                chats.complete(target.contactCenterId(), target.chatId());
                return GwsStatus.ok();
            })
            .build();

    @POST
    public GwsResponse requestChat(@HeaderParam(CONTACT_CENTER_HEADER) String contactCenterId, OperationRequest request) {
        if (request == null) {
            throw GwsException.missingParameter(OperationRequest.OPERATION_NAME);
        }
        if (!"RequestChat".equals(request.operationName())) {
            throw GwsException.invalidParameter("The operation '" + GwsException.echo(request.operationName())
                    + "' is not supported on /api/v2/chats; supported operations: RequestChat.");
        }
        Map<String, Object> userData = request.optionalUserData("userData").orElse(null);
        CustomerChats.Requested requested = chats.request(contactCenterId, request.requiredString("nickname"), userData);
        return GwsResponse.ok().with("id", requested.id()).with("path", requested.path());
    }

    @GET
    @Path("/{id}")
    public GwsResponse chat(@HeaderParam(CONTACT_CENTER_HEADER) String contactCenterId, @PathParam("id") String id) {
        return GwsResponse.ok().with("chat", chats.chat(contactCenterId, id));
    }

    @POST
    @Path("/{id}")
    public Object operate(@HeaderParam(CONTACT_CENTER_HEADER) String contactCenterId, @PathParam("id") String id, OperationRequest request) {
        if (request == null) {
            throw GwsException.missingParameter(OperationRequest.OPERATION_NAME);
        }
        return operations.dispatch(new Target(contactCenterId, id), request);
    }

    @GET
    @Path("/{id}/messages")
    public GwsResponse messages(@HeaderParam(CONTACT_CENTER_HEADER) String contactCenterId, @PathParam("id") String id) {
        return GwsResponse.ok().with("messages", chats.messages(contactCenterId, id));
    }

    private GwsStatus write(Target target, EntryType type, String text) {
        chats.write(target.contactCenterId(), target.chatId(), type, text);
        return GwsStatus.ok();
    }
}
