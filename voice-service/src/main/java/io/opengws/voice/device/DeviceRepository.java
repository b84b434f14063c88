package io.opengws.voice.device;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, String> {

    public Optional<Device> byPhoneNumber(String contactCenterId, String phoneNumber) {
        return find("contactCenterId = ?1 and phoneNumber = ?2", contactCenterId, phoneNumber).firstResultOptional();
    }

    public List<Device> ofUser(String userId) {
        return list("userId = ?1 order by phoneNumber", userId);
    }

    public List<Device> ofContactCenter(String contactCenterId) {
        return list("contactCenterId = ?1 order by phoneNumber", contactCenterId);
    }
}
