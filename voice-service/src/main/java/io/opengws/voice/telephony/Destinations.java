package io.opengws.voice.telephony;

import java.util.Optional;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.wire.GwsException;
import io.opengws.voice.device.Device;
import io.opengws.voice.device.DeviceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Resolves a dialled number: a device (following its forwarding once), the routing point, or outside. */
@ApplicationScoped
public class Destinations {

    /** CONTRACT.md section 4: the routing point number of each contact center. */
    public static final String ROUTING_POINT_SETTING = "voice.routing-point";
    public static final String DEFAULT_ROUTING_POINT = "5000";

    @Inject
    DeviceRepository devices;

    @Inject
    DirectoryReplica directory;

    public String routingPoint(String contactCenterId) {
        return directory.setting(contactCenterId, ROUTING_POINT_SETTING).orElse(DEFAULT_ROUTING_POINT);
    }

    public Destination resolve(String contactCenterId, String phoneNumber) {
        if (phoneNumber == null || !phoneNumber.matches("\\+?[0-9*#]{1,20}")) {
            throw GwsException.invalidParameter("The destination phoneNumber '" + GwsException.echo(String.valueOf(phoneNumber))
                    + "' must be digits, optionally after a +.");
        }
        return reach(contactCenterId, phoneNumber, true);
    }

    /** Forwarding is followed once only: chains and loops end at the first forwarded number. */
    private Destination reach(String contactCenterId, String phoneNumber, boolean followForwarding) {
        if (phoneNumber.equals(routingPoint(contactCenterId))) {
            return new Destination.ToRoutingPoint(phoneNumber);
        }
        Optional<Device> device = devices.byPhoneNumber(contactCenterId, phoneNumber);
        if (device.isEmpty()) {
            return new Destination.Outside(phoneNumber);
        }
        String forwardTo = device.get().forwardTo;
        if (followForwarding && forwardTo != null && !forwardTo.equals(phoneNumber)) {
            return reach(contactCenterId, forwardTo, false);
        }
        return new Destination.ToDevice(phoneNumber, device.get());
    }
}
