package io.opengws.notification.directory;

import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ContactCenterRepository implements PanacheRepositoryBase<ContactCenter, String> {

    public Optional<ContactCenter> byName(String name) {
        return find("name", name).firstResultOptional();
    }
}
