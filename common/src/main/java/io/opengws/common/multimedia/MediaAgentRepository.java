package io.opengws.common.multimedia;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MediaAgentRepository implements PanacheRepositoryBase<MediaAgent, String> {
}
