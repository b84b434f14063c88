package io.opengws.common.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.StatusCode;

class FeatureGateTest {

    /** The admin rule reads only the caller: no directory needed. */
    private final FeatureGate gate = new FeatureGate(null);

    @Test
    void anAdminOfItsOwnContactCenterPasses() {
        assertThatCode(() -> gate.requireAdmin(caller("cc-1", Role.ROLE_ADMIN), "needs admin")).doesNotThrowAnyException();
    }

    @Test
    void aCloudAdminPasses() {
        assertThatCode(() -> gate.requireAdmin(caller("cc-1", Role.ROLE_CLOUD_ADMIN), "needs admin")).doesNotThrowAnyException();
    }

    @Test
    void anAgentOrSupervisorIsRefusedWithStatusCode5AndTheGivenReason() {
        for (Role role : Set.of(Role.ROLE_AGENT, Role.ROLE_SUPERVISOR)) {
            assertThatThrownBy(() -> gate.requireAdmin(caller("cc-1", role), "The simulator needs the role ROLE_ADMIN."))
                    .isInstanceOfSatisfying(GwsException.class, refused -> {
                        assertThat(refused.statusCode()).isEqualTo(StatusCode.NOT_PERMITTED);
                        assertThat(refused.getMessage()).contains("The simulator needs the role ROLE_ADMIN.");
                    });
        }
    }

    private static Caller caller(String contactCenterId, Role role) {
        return new Caller("u-1", "user@example.com", contactCenterId, Set.of(role), null);
    }
}
