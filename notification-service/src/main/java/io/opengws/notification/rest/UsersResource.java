package io.opengws.notification.rest;

import java.util.List;
import java.util.Optional;

import io.opengws.common.directory.Features;
import io.opengws.common.identity.Caller;
import io.opengws.common.identity.CurrentCaller;
import io.opengws.common.identity.FeatureGate;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.GwsResponse;
import io.opengws.common.wire.OperationRequest;
import io.opengws.notification.directory.DirectoryService;
import io.opengws.notification.directory.NewUser;
import io.opengws.notification.directory.ProvisioningPolicy;
import io.opengws.notification.directory.User;
import io.opengws.notification.directory.UserChanges;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** GWS user provisioning (reference 1.9, CONTRACT.md section 4). */
@Path("/api/v2/users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    DirectoryService directory;

    @Inject
    DirectoryViews views;

    @Inject
    CurrentCaller current;

    @Inject
    FeatureGate features;

    @POST
    public GwsResponse create(OperationRequest request) {
        Caller caller = current.get();
        features.require(caller, Features.PROVISIONING_WRITE);
        if (request == null) {
            throw GwsException.missingParameter("userName");
        }
        String contactCenterId = ProvisioningPolicy.contactCenterForNewUser(caller, request.optionalString("contactCenterId"));
        NewUser user = new NewUser(request.requiredString("userName"), request.requiredString("password"),
                request.requiredString("firstName"), request.requiredString("lastName"),
                request.optionalString("emailAddress").orElse(null), request.requiredStringList("roles"));
        ProvisioningPolicy.requireMayGrant(caller, DirectoryService.roles(user.roles()));
        User created = directory.createUser(contactCenterId, user);
        return GwsResponse.ok().with("id", created.id).with("uri", views.userUri(created.id)).with("path", views.userPath(created.id));
    }

    @GET
    public GwsResponse list(@QueryParam("fields") String fields, @QueryParam("contactCenterId") String contactCenterId) {
        Caller caller = current.get();
        features.require(caller, Features.PROVISIONING_READ);
        ProvisioningPolicy.requireMayList(caller);
        Optional<String> scope = caller.isCloudAdmin() ? Optional.ofNullable(contactCenterId) : Optional.of(caller.contactCenterId());
        return GwsResponse.collection("users", fields, directory.usersOf(scope), user -> views.userUri(user.id), views::user);
    }

    @GET
    @Path("/{id}")
    public GwsResponse get(@PathParam("id") String id) {
        Caller caller = current.get();
        features.require(caller, Features.PROVISIONING_READ);
        User user = existing(id);
        ProvisioningPolicy.requireMayRead(caller, user);
        return GwsResponse.ok().with("user", views.user(user));
    }

    @POST
    @Path("/{id}")
    public GwsResponse update(@PathParam("id") String id, OperationRequest request) {
        Caller caller = current.get();
        features.require(caller, Features.PROVISIONING_WRITE);
        User user = existing(id);
        ProvisioningPolicy.requireMayWrite(caller, user);
        if (request == null) {
            throw GwsException.missingParameter("firstName");
        }
        Optional<List<String>> roles = request.optionalStringList("roles");
        roles.ifPresent(names -> ProvisioningPolicy.requireMayGrant(caller, DirectoryService.roles(names)));
        directory.updateUser(user, new UserChanges(request.optionalString("password"), request.optionalString("firstName"),
                request.optionalString("lastName"), request.optionalString("emailAddress"), roles, request.optionalBoolean("enabled")));
        return GwsResponse.ok();
    }

    @DELETE
    @Path("/{id}")
    public GwsResponse delete(@PathParam("id") String id) {
        Caller caller = current.get();
        features.require(caller, Features.PROVISIONING_WRITE);
        User user = existing(id);
        ProvisioningPolicy.requireMayWrite(caller, user);
        if (user.id.equals(caller.userId())) {
            throw GwsException.invalidParameter("A user cannot delete itself.");
        }
        directory.deleteUser(user);
        return GwsResponse.ok();
    }

    private User existing(String id) {
        return directory.user(id).orElseThrow(() -> ProvisioningPolicy.unknownUser(id));
    }
}
