package io.opengws.common.directory;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.opengws.common.events.ContactCenterRecord;
import io.opengws.common.events.EventJson;
import io.opengws.common.events.UserRecord;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * This service's copy of the directory (contact centers and users), fed from the compacted topic
 * {@code gws.directory}, so that it authenticates and authorises every request by itself. A record older
 * than the one held is ignored, so a replay and a local write can arrive in any order.
 */
@ApplicationScoped
public class DirectoryReplica {

    private final Map<String, ContactCenterRecord> contactCenters = new ConcurrentHashMap<>();
    private final Map<String, UserRecord> users = new ConcurrentHashMap<>();
    private final Map<String, String> userIdsByName = new ConcurrentHashMap<>();

    /** One record of {@code gws.directory}: key {@code cc:{id}} or {@code user:{id}}, JSON value or null (deleted). */
    public void apply(String key, String value) {
        if (key == null) {
            return;
        }
        if (key.startsWith("cc:")) {
            String id = key.substring(3);
            if (value == null) {
                contactCenters.remove(id);
            } else {
                put(EventJson.read(value, ContactCenterRecord.class));
            }
        } else if (key.startsWith("user:")) {
            String id = key.substring(5);
            if (value == null) {
                removeUser(id);
            } else {
                put(EventJson.read(value, UserRecord.class));
            }
        }
    }

    public void put(ContactCenterRecord contactCenter) {
        contactCenters.merge(contactCenter.id(), contactCenter,
                (held, incoming) -> incoming.updatedAt().isBefore(held.updatedAt()) ? held : incoming);
    }

    public void put(UserRecord user) {
        UserRecord kept = users.merge(user.id(), user,
                (held, incoming) -> incoming.updatedAt().isBefore(held.updatedAt()) ? held : incoming);
        if (kept == user) {
            userIdsByName.values().remove(user.id());
            userIdsByName.put(normalized(user.userName()), user.id());
        }
    }

    public void removeUser(String id) {
        UserRecord removed = users.remove(id);
        if (removed != null) {
            userIdsByName.remove(normalized(removed.userName()), id);
        }
    }

    public void removeContactCenter(String id) {
        contactCenters.remove(id);
    }

    public Optional<UserRecord> user(String id) {
        return Optional.ofNullable(id).map(users::get);
    }

    /** User names are unique across the system (Basic carries no contact center) and compared ignoring case. */
    public Optional<UserRecord> userByName(String userName) {
        return Optional.ofNullable(userName).map(name -> userIdsByName.get(normalized(name))).map(users::get);
    }

    public List<UserRecord> usersOf(String contactCenterId) {
        return users.values().stream().filter(user -> user.contactCenterId().equals(contactCenterId)).toList();
    }

    public Optional<ContactCenterRecord> contactCenter(String id) {
        return Optional.ofNullable(id).map(contactCenters::get);
    }

    public Collection<ContactCenterRecord> contactCenters() {
        return List.copyOf(contactCenters.values());
    }

    /**
     * Whether the contact center has {@code feature}. {@code api-multimedia} and {@code api-multimedia-*}
     * are one feature (reference 1.6).
     */
    public boolean hasFeature(String contactCenterId, String feature) {
        return contactCenter(contactCenterId).map(center -> Features.includes(center.features(), feature)).orElse(false);
    }

    public Optional<String> setting(String contactCenterId, String key) {
        return contactCenter(contactCenterId).map(ContactCenterRecord::settings).map(settings -> settings.get(key));
    }

    private static String normalized(String userName) {
        return userName.toLowerCase(Locale.ROOT);
    }
}
