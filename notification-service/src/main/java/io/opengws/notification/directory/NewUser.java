package io.opengws.notification.directory;

import java.util.List;

/** What provisioning gives to create a user (reference 1.9: all mandatory but the e-mail address). */
public record NewUser(String userName, String password, String firstName, String lastName, String emailAddress,
        List<String> roles) {
}
