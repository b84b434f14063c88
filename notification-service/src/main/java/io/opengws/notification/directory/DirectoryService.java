package io.opengws.notification.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.directory.Features;
import io.opengws.common.events.ContactCenterRecord;
import io.opengws.common.events.Topics;
import io.opengws.common.events.UserRecord;
import io.opengws.common.identity.PasswordHasher;
import io.opengws.common.identity.RandomIds;
import io.opengws.common.identity.Role;
import io.opengws.common.outbox.Outbox;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.StatusCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The directory this service owns: contact centers and users in its database, each change published to
 * the compacted topic {@code gws.directory} through the outbox, and applied to this service's own replica
 * once committed (the other services get it from the topic).
 */
@ApplicationScoped
public class DirectoryService {

    /** A user that no longer exists, for the replica once the deletion is committed. */
    public record UserDeleted(String id) {
    }

    @Inject
    ContactCenterRepository contactCenters;

    @Inject
    UserRepository users;

    @Inject
    Outbox outbox;

    @Inject
    DirectoryReplica replica;

    @Inject
    Event<ContactCenterRecord> contactCenterChanged;

    @Inject
    Event<UserRecord> userChanged;

    @Inject
    Event<UserDeleted> userDeleted;

    @Transactional
    public ContactCenter createContactCenter(String name, List<String> features, Map<String, String> settings) {
        if (contactCenters.byName(name).isPresent()) {
            throw new GwsException(StatusCode.ALREADY_EXISTS, "A contact center named '" + GwsException.echo(name) + "' already exists.");
        }
        ContactCenter center = new ContactCenter();
        center.id = newId();
        center.name = name;
        center.features = new ArrayList<>(knownFeatures(features));
        center.settings = new LinkedHashMap<>(ContactCenterDefaults.SETTINGS);
        mergeSettings(center, settings);
        center.createdAt = Instant.now();
        center.updatedAt = center.createdAt;
        contactCenters.persist(center);
        publish(center);
        return center;
    }

    @Transactional
    public ContactCenter changeFeatures(String contactCenterId, List<String> features, boolean assign) {
        ContactCenter center = contactCenter(contactCenterId);
        Set<String> current = new LinkedHashSet<>(center.features);
        if (assign) {
            current.addAll(knownFeatures(features));
        } else {
            current.removeAll(features);
        }
        center.features = new ArrayList<>(current);
        touch(center);
        return center;
    }

    @Transactional
    public ContactCenter updateSettings(String contactCenterId, Map<String, String> settings) {
        ContactCenter center = contactCenter(contactCenterId);
        mergeSettings(center, settings);
        touch(center);
        return center;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactCenter contactCenter(String id) {
        return contactCenters.findByIdOptional(id)
                .orElseThrow(() -> GwsException.notFound("There is no contact center '" + GwsException.echo(id) + "'."));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContactCenter> contactCenters() {
        return contactCenters.list("order by name");
    }

    @Transactional
    public User createUser(String contactCenterId, NewUser request) {
        contactCenter(contactCenterId);
        if (users.byUserName(request.userName()).isPresent()) {
            throw new GwsException(StatusCode.ALREADY_EXISTS,
                    "Failed to create user. User '" + GwsException.echo(request.userName()) + "' already exists.");
        }
        User user = new User();
        user.id = newId();
        user.contactCenterId = contactCenterId;
        user.userName = request.userName();
        user.passwordHash = hashed(request.password());
        user.firstName = request.firstName();
        user.lastName = request.lastName();
        user.emailAddress = request.emailAddress();
        user.roles = String.join(",", roleNames(request.roles()));
        user.enabled = true;
        user.createdAt = Instant.now();
        user.updatedAt = user.createdAt;
        users.persist(user);
        publish(user);
        return user;
    }

    @Transactional
    public User updateUser(User user, UserChanges changes) {
        changes.password().ifPresent(password -> user.passwordHash = hashed(password));
        changes.firstName().ifPresent(value -> user.firstName = value);
        changes.lastName().ifPresent(value -> user.lastName = value);
        changes.emailAddress().ifPresent(value -> user.emailAddress = value);
        changes.roles().ifPresent(roles -> user.roles = String.join(",", roleNames(roles)));
        changes.enabled().ifPresent(value -> user.enabled = value);
        user.updatedAt = Instant.now();
        users.getEntityManager().merge(user);
        publish(user);
        return user;
    }

    @Transactional
    public void deleteUser(User user) {
        users.deleteById(user.id);
        outbox.addTombstone(Topics.DIRECTORY, UserRecord.key(user.id));
        userDeleted.fire(new UserDeleted(user.id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> user(String id) {
        return users.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> userByName(String userName) {
        return users.byUserName(userName);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<User> usersOf(Optional<String> contactCenterId) {
        return contactCenterId.map(users::ofContactCenter).orElseGet(() -> users.list("order by userName"));
    }

    private static String hashed(String password) {
        if (!PasswordHasher.isHashable(password)) {
            throw new GwsException(StatusCode.VALIDATION_ERROR,
                    "A password may be at most " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes long (UTF-8).");
        }
        return PasswordHasher.hash(password);
    }

    /** Parses role names; an unknown one is the caller's error. */
    public static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            roles.add(Role.parse(name).orElseThrow(() -> GwsException.invalidParameter("The role '" + GwsException.echo(name)
                    + "' is not known; use ROLE_AGENT, ROLE_SUPERVISOR, ROLE_ADMIN or ROLE_CLOUD_ADMIN.")));
        }
        return roles;
    }

    private static List<String> roleNames(List<String> names) {
        return roles(names).stream().map(Role::name).toList();
    }

    private static List<String> knownFeatures(List<String> features) {
        for (String feature : features) {
            if (!Features.ALL.contains(feature)) {
                throw GwsException.invalidParameter("The feature '" + GwsException.echo(feature) + "' is not known; known features: "
                        + String.join(", ", Features.ALL) + ".");
            }
        }
        return features;
    }

    private static void mergeSettings(ContactCenter center, Map<String, String> settings) {
        Map<String, String> merged = new LinkedHashMap<>(center.settings);
        settings.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        center.settings = merged;
    }

    private void touch(ContactCenter center) {
        center.updatedAt = Instant.now();
        publish(center);
    }

    private void publish(ContactCenter center) {
        ContactCenterRecord record = DirectoryRecords.of(center);
        outbox.add(Topics.DIRECTORY, ContactCenterRecord.key(center.id), Outbox.newEventId(), record);
        contactCenterChanged.fire(record);
    }

    private void publish(User user) {
        UserRecord record = DirectoryRecords.of(user);
        outbox.add(Topics.DIRECTORY, UserRecord.key(user.id), Outbox.newEventId(), record);
        userChanged.fire(record);
    }

    void applyContactCenter(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContactCenterRecord record) {
        replica.put(record);
    }

    void applyUser(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserRecord record) {
        replica.put(record);
    }

    void applyDeletion(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserDeleted deleted) {
        replica.removeUser(deleted.id());
    }

    /** Loads the whole directory into the replica: this service's database is the authority. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void loadReplica() {
        contactCenters.listAll().forEach(center -> replica.put(DirectoryRecords.of(center)));
        users.listAll().forEach(user -> replica.put(DirectoryRecords.of(user)));
    }

    static String newId() {
        return RandomIds.hex(16);
    }
}
