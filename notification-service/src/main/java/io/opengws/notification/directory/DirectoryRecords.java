package io.opengws.notification.directory;

import io.opengws.common.events.ContactCenterRecord;
import io.opengws.common.events.UserRecord;

/** Entities as the directory publishes them on gws.directory. */
final class DirectoryRecords {

    private DirectoryRecords() {
    }

    static ContactCenterRecord of(ContactCenter center) {
        return new ContactCenterRecord(center.id, center.name, java.util.List.copyOf(center.features),
                java.util.Map.copyOf(center.settings), center.updatedAt);
    }

    static UserRecord of(User user) {
        return new UserRecord(user.id, user.contactCenterId, user.userName, user.passwordHash, user.firstName,
                user.lastName, user.emailAddress, user.roleList(), user.enabled, user.updatedAt);
    }
}
