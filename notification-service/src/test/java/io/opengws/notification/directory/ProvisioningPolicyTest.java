package io.opengws.notification.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import io.opengws.common.identity.Caller;
import io.opengws.common.identity.Role;
import io.opengws.common.wire.GwsException;

class ProvisioningPolicyTest {

    private static final int NOT_PERMITTED = 5;
    private static final int NOT_FOUND = 6;

    private static final Caller CLOUD_ADMIN = new Caller("c1000000000000000000000000000000", "root", "default",
            Set.of(Role.ROLE_CLOUD_ADMIN), null);
    private static final Caller ADMIN = new Caller("a1000000000000000000000000000000", "admin@acme", "cc-1",
            Set.of(Role.ROLE_ADMIN), null);
    private static final Caller SUPERVISOR = new Caller("5a000000000000000000000000000000", "sam@acme", "cc-1",
            Set.of(Role.ROLE_AGENT, Role.ROLE_SUPERVISOR), null);
    private static final Caller AGENT = new Caller("a9000000000000000000000000000000", "alice@acme", "cc-1",
            Set.of(Role.ROLE_AGENT), null);

    /** The agent caller's own user. */
    private static final User ALICE = user(AGENT.userId(), "cc-1", "ROLE_AGENT");
    private static final User BOB = user("b0b00000000000000000000000000000", "cc-1", "ROLE_AGENT");
    private static final User OLGA_OF_CC2 = user("01ga0000000000000000000000000000", "cc-2", "ROLE_AGENT");
    private static final User CLOUD_ADMIN_IN_CC1 = user("c2000000000000000000000000000000", "cc-1", "ROLE_CLOUD_ADMIN");

    private static User user(String id, String contactCenterId, String roles) {
        User user = new User();
        user.id = id;
        user.contactCenterId = contactCenterId;
        user.userName = id + "@example";
        user.roles = roles;
        user.enabled = true;
        return user;
    }

    private static void assertRefused(ThrowingCallable call, int statusCode) {
        GwsException refusal = catchThrowableOfType(GwsException.class, call);

        assertThat(refusal).as("refused with a GwsException").isNotNull();
        assertThat(refusal.statusCode().code()).isEqualTo(statusCode);
        assertThat(refusal.getMessage()).isNotBlank();
    }

    private static void assertAllowed(ThrowingCallable call) {
        assertThatCode(call).doesNotThrowAnyException();
    }

    // --- contact centers -------------------------------------------------------------------------------------

    @Test
    void onlyACloudAdminManagesContactCenters() {
        assertAllowed(() -> ProvisioningPolicy.requireCloudAdmin(CLOUD_ADMIN));
        assertRefused(() -> ProvisioningPolicy.requireCloudAdmin(ADMIN), NOT_PERMITTED);
        assertRefused(() -> ProvisioningPolicy.requireCloudAdmin(SUPERVISOR), NOT_PERMITTED);
        assertRefused(() -> ProvisioningPolicy.requireCloudAdmin(AGENT), NOT_PERMITTED);
    }

    // --- creating users --------------------------------------------------------------------------------------

    @Test
    void aCloudAdminCreatesUsersInTheContactCenterItNames() {
        assertThat(ProvisioningPolicy.contactCenterForNewUser(CLOUD_ADMIN, Optional.of("cc-2"))).isEqualTo("cc-2");
    }

    @Test
    void aCloudAdminNamingNoContactCenterCreatesInItsOwn() {
        assertThat(ProvisioningPolicy.contactCenterForNewUser(CLOUD_ADMIN, Optional.empty())).isEqualTo("default");
    }

    @Test
    void aContactCenterAdminCreatesUsersInItsOwnContactCenter() {
        assertThat(ProvisioningPolicy.contactCenterForNewUser(ADMIN, Optional.empty())).isEqualTo("cc-1");
        assertThat(ProvisioningPolicy.contactCenterForNewUser(ADMIN, Optional.of("cc-1"))).isEqualTo("cc-1");
    }

    @Test
    void aContactCenterAdminMayNotCreateUsersInAnotherContactCenter() {
        assertRefused(() -> ProvisioningPolicy.contactCenterForNewUser(ADMIN, Optional.of("cc-2")), NOT_PERMITTED);
    }

    @Test
    void supervisorsAndAgentsMayNotCreateUsers() {
        assertRefused(() -> ProvisioningPolicy.contactCenterForNewUser(SUPERVISOR, Optional.empty()), NOT_PERMITTED);
        assertRefused(() -> ProvisioningPolicy.contactCenterForNewUser(AGENT, Optional.of("cc-1")), NOT_PERMITTED);
    }

    // --- granting roles --------------------------------------------------------------------------------------

    @Test
    void onlyACloudAdminGrantsTheCloudAdminRole() {
        assertAllowed(() -> ProvisioningPolicy.requireMayGrant(CLOUD_ADMIN, List.of(Role.ROLE_CLOUD_ADMIN)));
        assertRefused(() -> ProvisioningPolicy.requireMayGrant(ADMIN, List.of(Role.ROLE_AGENT, Role.ROLE_CLOUD_ADMIN)), NOT_PERMITTED);
    }

    @Test
    void aContactCenterAdminGrantsTheContactCenterRoles() {
        assertAllowed(() -> ProvisioningPolicy.requireMayGrant(ADMIN,
                List.of(Role.ROLE_AGENT, Role.ROLE_SUPERVISOR, Role.ROLE_ADMIN)));
    }

    // --- listing and reading users ---------------------------------------------------------------------------

    @Test
    void adminsAndSupervisorsListUsersAndAgentsDoNot() {
        assertAllowed(() -> ProvisioningPolicy.requireMayList(CLOUD_ADMIN));
        assertAllowed(() -> ProvisioningPolicy.requireMayList(ADMIN));
        assertAllowed(() -> ProvisioningPolicy.requireMayList(SUPERVISOR));
        assertRefused(() -> ProvisioningPolicy.requireMayList(AGENT), NOT_PERMITTED);
    }

    @Test
    void everyoneReadsThemselves() {
        assertAllowed(() -> ProvisioningPolicy.requireMayRead(AGENT, ALICE));
    }

    @Test
    void anAgentMayNotReadAnotherUserOfItsContactCenter() {
        assertRefused(() -> ProvisioningPolicy.requireMayRead(AGENT, BOB), NOT_PERMITTED);
    }

    @Test
    void supervisorsAndAdminsReadTheUsersOfTheirContactCenter() {
        assertAllowed(() -> ProvisioningPolicy.requireMayRead(SUPERVISOR, BOB));
        assertAllowed(() -> ProvisioningPolicy.requireMayRead(ADMIN, BOB));
    }

    @Test
    void aUserOfAnotherContactCenterIsUnknownToEveryoneButACloudAdmin() {
        assertRefused(() -> ProvisioningPolicy.requireMayRead(ADMIN, OLGA_OF_CC2), NOT_FOUND);
        assertRefused(() -> ProvisioningPolicy.requireMayRead(SUPERVISOR, OLGA_OF_CC2), NOT_FOUND);
        assertRefused(() -> ProvisioningPolicy.requireMayRead(AGENT, OLGA_OF_CC2), NOT_FOUND);
        assertAllowed(() -> ProvisioningPolicy.requireMayRead(CLOUD_ADMIN, OLGA_OF_CC2));
    }

    // --- changing users --------------------------------------------------------------------------------------

    @Test
    void aContactCenterAdminChangesTheUsersOfItsContactCenter() {
        assertAllowed(() -> ProvisioningPolicy.requireMayWrite(ADMIN, BOB));
    }

    @Test
    void aContactCenterAdminFindsNoUserOfAnotherContactCenterToChange() {
        assertRefused(() -> ProvisioningPolicy.requireMayWrite(ADMIN, OLGA_OF_CC2), NOT_FOUND);
    }

    @Test
    void supervisorsAndAgentsMayNotChangeUsersNotEvenThemselves() {
        assertRefused(() -> ProvisioningPolicy.requireMayWrite(SUPERVISOR, BOB), NOT_PERMITTED);
        assertRefused(() -> ProvisioningPolicy.requireMayWrite(AGENT, ALICE), NOT_PERMITTED);
    }

    @Test
    void aContactCenterAdminMayNotChangeACloudAdminOfItsContactCenter() {
        assertRefused(() -> ProvisioningPolicy.requireMayWrite(ADMIN, CLOUD_ADMIN_IN_CC1), NOT_PERMITTED);
    }

    @Test
    void aCloudAdminChangesAnyUserOfAnyContactCenter() {
        assertAllowed(() -> ProvisioningPolicy.requireMayWrite(CLOUD_ADMIN, OLGA_OF_CC2));
        assertAllowed(() -> ProvisioningPolicy.requireMayWrite(CLOUD_ADMIN, CLOUD_ADMIN_IN_CC1));
    }

    @Test
    void anUnknownUserIsStatusCode6NamingTheId() {
        GwsException unknown = ProvisioningPolicy.unknownUser("u-404");

        assertThat(unknown.statusCode().code()).isEqualTo(NOT_FOUND);
        assertThat(unknown.httpStatus()).isEqualTo(404);
        assertThat(unknown.getMessage()).contains("'u-404'");
    }
}
