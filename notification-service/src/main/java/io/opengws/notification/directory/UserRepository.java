package io.opengws.notification.directory;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, String> {

    public Optional<User> byUserName(String userName) {
        return find("lower(userName) = lower(?1)", userName).firstResultOptional();
    }

    public List<User> ofContactCenter(String contactCenterId) {
        return list("contactCenterId = ?1 order by userName", contactCenterId);
    }

}
