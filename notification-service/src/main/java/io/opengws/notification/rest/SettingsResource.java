package io.opengws.notification.rest;

import java.util.Map;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.identity.CurrentCaller;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.GwsResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Settings groups (reference 1.9): {@code general-settings} as GWS answers it, and {@code contact-center},
 * the caller's contact-center settings as a flat map.
 */
@Path("/api/v2/settings")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    static final Map<String, String> GENERAL = Map.of("countryCode", "US", "countryDigits", "1", "countryName", "United States");

    @Inject
    CurrentCaller current;

    @Inject
    DirectoryReplica directory;

    @GET
    @Path("/{group}")
    public GwsResponse group(@PathParam("group") String group) {
        String contactCenterId = current.get().contactCenterId();
        return switch (group) {
            case "general-settings" -> GwsResponse.ok().with("settings", GENERAL);
            case "contact-center" -> GwsResponse.ok().with("settings",
                    new java.util.TreeMap<>(directory.contactCenter(contactCenterId).map(center -> center.settings()).orElse(Map.of())));
            default -> throw GwsException.notFound("There is no settings group '" + GwsException.echo(group)
                    + "'; groups: general-settings, contact-center.");
        };
    }
}
