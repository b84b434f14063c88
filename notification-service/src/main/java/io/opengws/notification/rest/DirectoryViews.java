package io.opengws.notification.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.opengws.common.wire.PublicOrigin;
import io.opengws.notification.directory.ContactCenter;
import io.opengws.notification.directory.User;
import jakarta.enterprise.context.ApplicationScoped;

/** The GWS JSON of directory resources, with absolute {@code uri} and relative {@code path}. */
@ApplicationScoped
public class DirectoryViews {

    private final PublicOrigin origin;

    public DirectoryViews(PublicOrigin origin) {
        this.origin = origin;
    }

    public String userPath(String id) {
        return "/users/" + id;
    }

    public String userUri(String id) {
        return origin.uri(userPath(id));
    }

    public String contactCenterPath(String id) {
        return "/contact-centers/" + id;
    }

    public String contactCenterUri(String id) {
        return origin.uri(contactCenterPath(id));
    }

    /** Reference 1.5: the password is never shown. */
    public Map<String, Object> user(User user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", user.id);
        view.put("userName", user.userName);
        view.put("firstName", user.firstName);
        view.put("lastName", user.lastName);
        view.put("emailAddress", user.emailAddress);
        view.put("roles", user.roleList());
        view.put("enabled", user.enabled);
        view.put("changePasswordOnFirstLogin", false);
        view.put("contactCenterId", user.contactCenterId);
        view.put("uri", userUri(user.id));
        view.put("path", userPath(user.id));
        return view;
    }

    public Map<String, Object> contactCenter(ContactCenter center) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", center.id);
        view.put("name", center.name);
        view.put("features", center.features);
        view.put("settings", new TreeMap<>(center.settings));
        view.put("uri", contactCenterUri(center.id));
        view.put("path", contactCenterPath(center.id));
        return view;
    }
}
