package io.opengws.common.directory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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
        synchronized (users) {
            UserRecord held = users.get(user.id());
            if (held != null && user.updatedAt().isBefore(held.updatedAt())) {
                return;
            }
            users.put(user.id(), user);
            if (held != null && !normalized(held.userName()).equals(normalized(user.userName()))) {
                userIdsByName.remove(normalized(held.userName()), user.id());
            }
            userIdsByName.put(normalized(user.userName()), user.id());
            users.notifyAll();
        }
    }

    public void removeUser(String id) {
        synchronized (users) {
            UserRecord removed = users.remove(id);
            if (removed != null) {
                userIdsByName.remove(normalized(removed.userName()), id);
            }
        }
    }

    /**
     * The user, waiting up to {@code patience} for it to arrive: a user created a moment ago in the
     * notification service reaches this replica through gws.directory some milliseconds later. Blocks the
     * calling (worker) thread; never call it on an event loop.
     */
    public Optional<UserRecord> awaitUser(String id, Duration patience) {
        if (id == null) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (users) {
            UserRecord user = users.get(id);
            long left;
            while (user == null && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(users, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                user = users.get(id);
            }
            return Optional.ofNullable(user);
        }
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
