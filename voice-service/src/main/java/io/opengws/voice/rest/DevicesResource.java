package io.opengws.voice.rest;

import java.util.List;

import io.opengws.common.directory.Features;
import io.opengws.common.identity.Caller;
import io.opengws.common.identity.CurrentCaller;
import io.opengws.common.identity.FeatureGate;
import io.opengws.common.identity.Role;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.GwsResponse;
import io.opengws.common.wire.OperationRequest;
import io.opengws.voice.device.Device;
import io.opengws.voice.device.DeviceService;
import io.opengws.voice.device.DeviceView;
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
 * Device provisioning and reading (reference 1.9, CONTRACT.md section 4 and decision 8): admins create and
 * list devices of their contact center; an agent creates and reads its own; supervisors read any user's.
 */
@Path("/api/v2")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DevicesResource {

    @Inject
    CurrentCaller current;

    @Inject
    FeatureGate features;

    @Inject
    DeviceService devices;

    @Inject
    DeviceView views;

    @POST
    @Path("/users/{userId}/devices")
    public GwsResponse createForUser(@PathParam("userId") String userId, OperationRequest request) {
        Caller caller = voiceCaller();
        features.requireAdmin(caller, "This needs the role ROLE_ADMIN.");
        return created(devices.create(caller, userId, phoneNumber(request)));
    }

    @POST
    @Path("/me/devices")
    public GwsResponse createForMe(OperationRequest request) {
        Caller caller = voiceCaller();
        return created(devices.create(caller, caller.userId(), phoneNumber(request)));
    }

    @GET
    @Path("/users/{userId}/devices")
    public GwsResponse ofUser(@PathParam("userId") String userId, @QueryParam("fields") String fields) {
        Caller caller = voiceCaller();
        if (!caller.userId().equals(userId) && !caller.has(Role.ROLE_SUPERVISOR)) {
            features.requireAdmin(caller, "This needs the role ROLE_ADMIN.");
        }
        return collection(devices.ofUser(caller.contactCenterId(), userId), fields);
    }

    @GET
    @Path("/me/devices")
    public GwsResponse mine(@QueryParam("fields") String fields) {
        Caller caller = voiceCaller();
        return collection(devices.ofUser(caller.contactCenterId(), caller.userId()), fields);
    }

    @GET
    @Path("/devices")
    public GwsResponse ofContactCenter(@QueryParam("fields") String fields) {
        Caller caller = voiceCaller();
        features.requireAdmin(caller, "This needs the role ROLE_ADMIN.");
        return collection(devices.ofContactCenter(caller.contactCenterId()), fields);
    }

    @GET
    @Path("/devices/{id}")
    public GwsResponse device(@PathParam("id") String id) {
        Caller caller = voiceCaller();
        Device device = devices.device(caller.contactCenterId(), id);
        if (!caller.userId().equals(device.userId) && !caller.has(Role.ROLE_SUPERVISOR)) {
            features.requireAdmin(caller, "This needs the role ROLE_ADMIN.");
        }
        return GwsResponse.ok().with("device", views.of(device));
    }

    private Caller voiceCaller() {
        Caller caller = current.get();
        features.require(caller, Features.VOICE);
        return caller;
    }

    private static String phoneNumber(OperationRequest request) {
        if (request == null) {
            throw GwsException.missingParameter("phoneNumber");
        }
        return request.requiredString("phoneNumber");
    }

    private GwsResponse created(Device device) {
        return GwsResponse.ok().with("id", device.id).with("uri", views.uri(device.id)).with("path", views.path(device.id));
    }

    private GwsResponse collection(List<Device> found, String fields) {
        return GwsResponse.collection("devices", fields, found, device -> views.uri(device.id), views::of);
    }
}
