package io.opengws.notification.rest;

import java.util.Map;

import io.opengws.common.identity.CurrentCaller;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.GwsResponse;
import io.opengws.common.wire.OperationRequest;
import io.opengws.common.wire.Operations;
import io.opengws.notification.directory.ContactCenter;
import io.opengws.notification.directory.DirectoryService;
import io.opengws.notification.directory.ProvisioningPolicy;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Contact centers (CONTRACT.md section 4): created and changed by cloud admins, read by their admins too. */
@Path("/api/v2/contact-centers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ContactCentersResource {

    @Inject
    DirectoryService directory;

    @Inject
    DirectoryViews views;

    @Inject
    CurrentCaller caller;

    private final Operations<ContactCenter> operations = Operations.<ContactCenter>of("contact center")
            .on("AssignFeatures", (center, request) -> changeFeatures(center, request, true))
            .on("UnassignFeatures", (center, request) -> changeFeatures(center, request, false))
            .on("UpdateSettings", (center, request) -> respond(
                    directory.updateSettings(center.id, request.optionalStringMap("settings")
                            .orElseThrow(() -> GwsException.missingParameter("settings")))))
            .build();

    @POST
    public GwsResponse create(OperationRequest request) {
        ProvisioningPolicy.requireCloudAdmin(caller.get());
        if (request == null) {
            throw GwsException.missingParameter("name");
        }
        ContactCenter center = directory.createContactCenter(request.requiredString("name"),
                request.optionalStringList("features").orElse(io.opengws.common.directory.Features.DEFAULTS),
                request.optionalStringMap("settings").orElse(Map.of()));
        return GwsResponse.ok().with("id", center.id).with("uri", views.contactCenterUri(center.id))
                .with("path", views.contactCenterPath(center.id));
    }

    @GET
    public GwsResponse list(@QueryParam("fields") String fields) {
        ProvisioningPolicy.requireCloudAdmin(caller.get());
        return GwsResponse.collection("contactCenters", fields, directory.contactCenters(),
                center -> views.contactCenterUri(center.id), views::contactCenter);
    }

    @GET
    @Path("/{id}")
    public GwsResponse get(@PathParam("id") String id) {
        return respond(readable(id));
    }

    @POST
    @Path("/{id}")
    public Object operate(@PathParam("id") String id, OperationRequest request) {
        ProvisioningPolicy.requireCloudAdmin(caller.get());
        return operations.dispatch(directory.contactCenter(id), request);
    }

    private ContactCenter readable(String id) {
        var current = caller.get();
        if (!current.isCloudAdmin() && !current.contactCenterId().equals(id)) {
            throw GwsException.notFound("There is no contact center '" + GwsException.echo(id) + "'.");
        }
        return directory.contactCenter(id);
    }

    private GwsResponse changeFeatures(ContactCenter center, OperationRequest request, boolean assign) {
        return respond(directory.changeFeatures(center.id, request.requiredStringList("features"), assign));
    }

    private GwsResponse respond(ContactCenter center) {
        return GwsResponse.ok().with("contactCenter", views.contactCenter(center));
    }
}
