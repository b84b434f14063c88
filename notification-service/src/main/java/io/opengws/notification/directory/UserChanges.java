package io.opengws.notification.directory;

import java.util.List;
import java.util.Optional;

/** An update of a user: what is present replaces the current value (roles replace the whole set). */
public record UserChanges(Optional<String> password, Optional<String> firstName, Optional<String> lastName,
        Optional<String> emailAddress, Optional<List<String>> roles, Optional<Boolean> enabled) {
}
