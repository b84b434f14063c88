package io.opengws.voice.device;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.events.UserRecord;
import io.opengws.common.identity.Caller;
import io.opengws.common.identity.RandomIds;
import io.opengws.common.identity.Role;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.StatusCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Device provisioning (reference 1.9, CONTRACT.md section 4): a new phone number of the contact center,
 * assigned to a user with the agent role. Phone numbers are unique within a contact center.
 */
@ApplicationScoped
public class DeviceService {

    /** A user created a moment ago reaches this service's replica through gws.directory; wait that long for it. */
    private static final Duration REPLICA_GRACE = Duration.ofSeconds(3);

    @Inject
    DeviceRepository devices;

    @Inject
    DirectoryReplica directory;

    @Transactional
    public Device create(Caller caller, String userId, String phoneNumber) {
        UserRecord owner = userOfContactCenter(caller.contactCenterId(), userId);
        if (!owner.roles().contains(Role.ROLE_AGENT.name())) {
            throw GwsException.invalidParameter("A device is assigned to a user with the role ROLE_AGENT only.");
        }
        if (!phoneNumber.matches("\\+?[0-9]{1,20}")) {
            throw GwsException.invalidParameter("The phoneNumber '" + GwsException.echo(phoneNumber) + "' must be digits, optionally after a +.");
        }
        if (devices.byPhoneNumber(caller.contactCenterId(), phoneNumber).isPresent()) {
            throw new GwsException(StatusCode.ALREADY_EXISTS, "The phone number " + phoneNumber + " is already a device of this contact center.");
        }
        Device device = new Device();
        device.id = RandomIds.uuid();
        device.contactCenterId = caller.contactCenterId();
        device.userId = owner.id();
        device.phoneNumber = phoneNumber;
        device.createdAt = Instant.now();
        device.updatedAt = device.createdAt;
        devices.persist(device);
        return device;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Device> ofUser(String contactCenterId, String userId) {
        userOfContactCenter(contactCenterId, userId);
        return devices.ofUser(userId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Device> ofContactCenter(String contactCenterId) {
        return devices.ofContactCenter(contactCenterId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Device device(String contactCenterId, String id) {
        return devices.findByIdOptional(id)
                .filter(device -> device.contactCenterId.equals(contactCenterId))
                .orElseThrow(() -> GwsException.notFound("There is no device '" + GwsException.echo(id) + "'."));
    }

    /** The user, if it belongs to the contact center; one of another contact center does not exist here. */
    private UserRecord userOfContactCenter(String contactCenterId, String userId) {
        return directory.awaitUser(userId, REPLICA_GRACE)
                .filter(user -> user.contactCenterId().equals(contactCenterId))
                .orElseThrow(() -> GwsException.notFound("There is no user '" + GwsException.echo(userId) + "'."));
    }
}
