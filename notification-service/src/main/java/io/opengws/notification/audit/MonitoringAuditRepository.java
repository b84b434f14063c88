package io.opengws.notification.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MonitoringAuditRepository implements PanacheRepositoryBase<MonitoringAuditRow, String> {

    /** The query of {@code GET /api/v2/supervisor/monitoring-sessions}; absent filters match everything. */
    public record Filter(Optional<String> contactCenterId, Optional<String> supervisorId, Optional<String> agentId,
            Optional<String> channel, Optional<Instant> from, Optional<Instant> to) {
    }

    public List<MonitoringAuditRow> matching(Filter filter) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        filter.contactCenterId().ifPresent(value -> add(query, parameters, "contactCenterId = :cc", "cc", value));
        filter.supervisorId().ifPresent(value -> add(query, parameters, "supervisorId = :supervisor", "supervisor", value));
        filter.agentId().ifPresent(value -> add(query, parameters, "agentId = :agent", "agent", value));
        filter.channel().ifPresent(value -> add(query, parameters, "channel = :channel", "channel", value));
        filter.to().ifPresent(value -> add(query, parameters, "at <= :to", "to", value));
        return list(query + " order by at, eventId", parameters);
    }

    private static void add(StringBuilder query, Map<String, Object> parameters, String condition, String name, Object value) {
        query.append(" and ").append(condition);
        parameters.put(name, value);
    }
}
