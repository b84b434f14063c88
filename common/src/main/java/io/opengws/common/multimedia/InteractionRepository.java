package io.opengws.common.multimedia;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Interactions and who takes part in them now. */
@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<MediaInteractionRow, String> {

    public Optional<MediaInteractionRow> byCustomerKey(String contactCenterId, String customerKey) {
        return find("contactCenterId = ?1 and customerKey = ?2 order by updatedAt desc", contactCenterId, customerKey).firstResultOptional();
    }

    /** The interactions waiting for an agent, longest waiting first. */
    public List<String> waiting(String contactCenterId) {
        return find("contactCenterId = ?1 and waitingSince is not null and completedAt is null order by waitingSince", contactCenterId)
                .project(IdOnly.class).list().stream().map(IdOnly::id).toList();
    }

    public record IdOnly(String id) {
    }

    /** Where something waits for an agent: what the routing sweep looks at. */
    public List<String> contactCentersWithWaiting() {
        return getEntityManager().createQuery("select distinct contactCenterId from MediaInteractionRow where waitingSince is not null "
                + "and completedAt is null", String.class).getResultList();
    }

    public List<MediaParticipation> participationsOf(String userId) {
        return getEntityManager().createQuery("from MediaParticipation where userId = :user", MediaParticipation.class)
                .setParameter("user", userId).getResultList();
    }

    /**
     * Rewrites the index of who takes part in this interaction now. Plain statements, not entities: a change may
     * rewrite the same interaction's index more than once.
     */
    public void replaceParticipations(String interactionId, List<MediaParticipation> participations) {
        getEntityManager().createNativeQuery("DELETE FROM media_participation WHERE interaction_id = :id").setParameter("id", interactionId)
                .executeUpdate();
        for (MediaParticipation participation : participations) {
            getEntityManager().createNativeQuery("INSERT INTO media_participation (interaction_id, participant_id, user_id, role, state) "
                    + "VALUES (:interaction, :participant, :user, :role, :state)")
                    .setParameter("interaction", participation.interactionId)
                    .setParameter("participant", participation.participantId)
                    .setParameter("user", participation.userId)
                    .setParameter("role", participation.role)
                    .setParameter("state", participation.state)
                    .executeUpdate();
        }
    }

    /**
     * The Ready agent of this channel who has waited longest, has room for one more interaction and has not had
     * this one before (an agent who rejected it is not offered it again).
     */
    public Optional<String> freeAgent(String contactCenterId, int capacity, List<String> excludedUserIds) {
        List<?> found = getEntityManager().createNativeQuery("""
                SELECT a.user_id FROM media_agent a
                WHERE a.contact_center_id = :cc AND a.active AND a.ready
                  AND (SELECT count(*) FROM media_participation p
                       WHERE p.user_id = a.user_id AND p.role = 'AGENT' AND p.state IN ('Invited', 'Chatting')) < :capacity
                  AND NOT (a.user_id = ANY (CAST(:excluded AS varchar[])))
                ORDER BY a.idle_since LIMIT 1""")
                .setParameter("cc", contactCenterId)
                .setParameter("capacity", capacity)
                .setParameter("excluded", "{" + String.join(",", excludedUserIds) + "}")
                .getResultList();
        return found.stream().map(Object::toString).findFirst();
    }

}
