package io.opengws.common.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // the wire names of CONTRACT.md section 2
            "ROLE_AGENT, ROLE_AGENT",
            "ROLE_SUPERVISOR, ROLE_SUPERVISOR",
            "ROLE_ADMIN, ROLE_ADMIN",
            "ROLE_CLOUD_ADMIN, ROLE_CLOUD_ADMIN",
            // the short names of the [htcc] roles option (decision 7)
            "agent, ROLE_AGENT",
            "supervisor, ROLE_SUPERVISOR",
            "admin, ROLE_ADMIN",
            // in any case
            "Supervisor, ROLE_SUPERVISOR",
            "AGENT, ROLE_AGENT",
            "role_admin, ROLE_ADMIN",
            "Role_Cloud_Admin, ROLE_CLOUD_ADMIN"})
    void aWireNameOrShortNameInAnyCaseParsesToItsRole(String name, Role expected) {
        assertThat(Role.parse(name)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"manager", "ROLE_MANAGER", "ROLE_", "", "agents"})
    void anUnknownNameParsesToNothing(String name) {
        assertThat(Role.parse(name)).isEmpty();
    }

    @Test
    void nullParsesToNothing() {
        assertThat(Role.parse(null)).isEmpty();
    }
}
