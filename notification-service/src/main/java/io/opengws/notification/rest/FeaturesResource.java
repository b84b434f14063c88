package io.opengws.notification.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.directory.Features;
import io.opengws.common.identity.Caller;
import io.opengws.common.identity.CurrentCaller;
import io.opengws.common.identity.Role;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.GwsResponse;
import io.opengws.common.wire.PublicOrigin;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The Features API (reference 1.6): the caller's contact center's features, and all known ones for admins. */
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class FeaturesResource {

    @Inject
    CurrentCaller current;

    @Inject
    DirectoryReplica directory;

    @Inject
    PublicOrigin origin;

    @GET
    @Path("/features")
    public GwsResponse features(@QueryParam("fields") String fields) {
        return collection(own(current.get()), fields);
    }

    @GET
    @Path("/features/{id}")
    public GwsResponse feature(@PathParam("id") String id) {
        if (!own(current.get()).contains(id)) {
            throw GwsException.notFound("There is no feature '" + GwsException.echo(id) + "' in this contact center.");
        }
        return GwsResponse.ok().with("feature", view(id));
    }

    @GET
    @Path("/system/features")
    public GwsResponse systemFeatures(@QueryParam("fields") String fields) {
        Caller caller = current.get();
        if (!caller.has(Role.ROLE_ADMIN) && !caller.isCloudAdmin()) {
            throw GwsException.notPermitted("Listing every feature needs the role ROLE_ADMIN.");
        }
        return collection(Features.ALL, fields);
    }

    private List<String> own(Caller caller) {
        return directory.contactCenter(caller.contactCenterId()).map(center -> center.features()).orElse(List.of());
    }

    private GwsResponse collection(List<String> features, String fields) {
        return GwsResponse.collection("features", fields, features, id -> origin.uri("/features/" + id), this::view);
    }

    private Map<String, Object> view(String id) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("name", id);
        view.put("uri", origin.uri("/features/" + id));
        view.put("path", "/features/" + id);
        return view;
    }
}
