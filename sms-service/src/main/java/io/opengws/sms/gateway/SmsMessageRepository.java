package io.opengws.sms.gateway;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SmsMessageRepository implements PanacheRepository<SmsMessage> {

    /** What this phone received, oldest first. */
    public List<SmsMessage> receivedBy(String contactCenterId, String msisdn) {
        return list("contactCenterId = ?1 and msisdn = ?2 and direction = ?3 order by id", contactCenterId, msisdn,
                SmsMessage.Direction.OUT.name());
    }
}
