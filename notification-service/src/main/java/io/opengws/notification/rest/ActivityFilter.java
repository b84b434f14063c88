package io.opengws.notification.rest;

import io.opengws.common.identity.CurrentCaller;
import io.opengws.notification.session.ContactCenterSessions;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Every request a user makes keeps its contact-center session alive. */
public class ActivityFilter {

    @Inject
    CurrentCaller current;

    @Inject
    ContactCenterSessions sessions;

    @ServerResponseFilter
    public void touch(ContainerResponseContext response) {
        if (current.isPresent() && response.getStatus() < 400) {
            sessions.touch(current.get().userId());
        }
    }
}
