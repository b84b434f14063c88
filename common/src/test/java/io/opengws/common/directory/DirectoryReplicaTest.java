package io.opengws.common.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.opengws.common.events.ContactCenterRecord;
import io.opengws.common.events.EventJson;
import io.opengws.common.events.UserRecord;

class DirectoryReplicaTest {

    private static final Instant T1 = Instant.parse("2025-03-14T09:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);

    private final DirectoryReplica replica = new DirectoryReplica();

    private static ContactCenterRecord center(String id, List<String> features, Map<String, String> settings, Instant updatedAt) {
        return new ContactCenterRecord(id, "Center " + id, features, settings, updatedAt);
    }

    private static UserRecord user(String id, String contactCenterId, String userName, Instant updatedAt) {
        return new UserRecord(id, contactCenterId, userName, "$2a$10$hash", "First", "Last", null, List.of("ROLE_AGENT"),
                true, updatedAt);
    }

    private void apply(ContactCenterRecord record) {
        replica.apply(ContactCenterRecord.key(record.id()), EventJson.write(record));
    }

    private void apply(UserRecord record) {
        replica.apply(UserRecord.key(record.id()), EventJson.write(record));
    }

    // --- records and tombstones ------------------------------------------------------------------------------

    @Test
    void aContactCenterRecordIsHeld() {
        ContactCenterRecord acme = center("cc-1", List.of("api-voice"), Map.of("voice.routing-point", "5000"), T1);

        apply(acme);

        assertThat(replica.contactCenter("cc-1")).contains(acme);
        assertThat(replica.contactCenters()).containsExactly(acme);
    }

    @Test
    void aUserRecordIsHeldByIdAndByName() {
        UserRecord alice = user("u-1", "cc-1", "alice@acme.example", T1);

        apply(alice);

        assertThat(replica.user("u-1")).contains(alice);
        assertThat(replica.userByName("alice@acme.example")).contains(alice);
    }

    @Test
    void aContactCenterTombstoneRemovesIt() {
        apply(center("cc-1", List.of(), Map.of(), T1));

        replica.apply("cc:cc-1", null);

        assertThat(replica.contactCenter("cc-1")).isEmpty();
        assertThat(replica.contactCenters()).isEmpty();
    }

    @Test
    void aUserTombstoneRemovesItByIdAndByName() {
        apply(user("u-1", "cc-1", "alice@acme.example", T1));

        replica.apply("user:u-1", null);

        assertThat(replica.user("u-1")).isEmpty();
        assertThat(replica.userByName("alice@acme.example")).isEmpty();
        assertThat(replica.usersOf("cc-1")).isEmpty();
    }

    @Test
    void aTombstoneOfSomethingNotHeldChangesNothing() {
        apply(user("u-1", "cc-1", "alice@acme.example", T1));

        replica.apply("user:u-2", null);
        replica.apply("cc:cc-2", null);

        assertThat(replica.user("u-1")).isPresent();
    }

    @Test
    void keysOfOtherKindsAndNullKeysAreIgnored() {
        replica.apply("device:d-1", "{\"id\":\"d-1\"}");
        replica.apply(null, "{}");

        assertThat(replica.contactCenters()).isEmpty();
        assertThat(replica.usersOf("cc-1")).isEmpty();
    }

    // --- ordering --------------------------------------------------------------------------------------------

    @Test
    void anOlderContactCenterRecordDoesNotReplaceANewerOne() {
        apply(center("cc-1", List.of("api-voice", "api-multimedia"), Map.of(), T2));

        apply(center("cc-1", List.of("api-voice"), Map.of(), T1));

        assertThat(replica.contactCenter("cc-1")).map(ContactCenterRecord::features).contains(List.of("api-voice", "api-multimedia"));
    }

    @Test
    void aNewerContactCenterRecordReplacesAnOlderOne() {
        apply(center("cc-1", List.of("api-voice"), Map.of(), T1));

        apply(center("cc-1", List.of("api-voice", "api-multimedia"), Map.of(), T2));

        assertThat(replica.contactCenter("cc-1")).map(ContactCenterRecord::features).contains(List.of("api-voice", "api-multimedia"));
    }

    @Test
    void anOlderUserRecordDoesNotReplaceANewerOneNorItsName() {
        UserRecord renamed = user("u-1", "cc-1", "alicia@acme.example", T2);
        apply(renamed);

        apply(user("u-1", "cc-1", "alice@acme.example", T1));

        assertThat(replica.user("u-1")).contains(renamed);
        assertThat(replica.userByName("alicia@acme.example")).contains(renamed);
        assertThat(replica.userByName("alice@acme.example")).isEmpty();
    }

    // --- names -----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"alice@acme.example", "ALICE@ACME.EXAMPLE", "Alice@Acme.Example"})
    void userByNameIgnoresCase(String asTyped) {
        apply(user("u-1", "cc-1", "Alice@acme.example", T1));

        assertThat(replica.userByName(asTyped)).map(UserRecord::id).contains("u-1");
    }

    @Test
    void aRenamedUserIsFoundByItsNewNameOnly() {
        apply(user("u-1", "cc-1", "alice@acme.example", T1));

        apply(user("u-1", "cc-1", "alicia@acme.example", T2));

        assertThat(replica.userByName("alicia@acme.example")).map(UserRecord::id).contains("u-1");
        assertThat(replica.userByName("alice@acme.example")).isEmpty();
    }

    @Test
    void aNameFreedByARenameCanBeTakenByAnotherUser() {
        apply(user("u-1", "cc-1", "alice@acme.example", T1));
        apply(user("u-1", "cc-1", "alicia@acme.example", T2));

        apply(user("u-2", "cc-1", "alice@acme.example", T2));

        assertThat(replica.userByName("alice@acme.example")).map(UserRecord::id).contains("u-2");
        assertThat(replica.userByName("alicia@acme.example")).map(UserRecord::id).contains("u-1");
    }

    @Test
    void unknownOrNullIdsAndNamesFindNothing() {
        assertThat(replica.user("u-404")).isEmpty();
        assertThat(replica.user(null)).isEmpty();
        assertThat(replica.userByName("nobody")).isEmpty();
        assertThat(replica.userByName(null)).isEmpty();
        assertThat(replica.contactCenter(null)).isEmpty();
    }

    // --- queries ---------------------------------------------------------------------------------------------

    @Test
    void usersOfListsTheUsersOfThatContactCenterOnly() {
        apply(user("u-1", "cc-1", "alice@acme.example", T1));
        apply(user("u-2", "cc-1", "sam@acme.example", T1));
        apply(user("u-3", "cc-2", "olga@other.example", T1));

        assertThat(replica.usersOf("cc-1")).extracting(UserRecord::id).containsExactlyInAnyOrder("u-1", "u-2");
        assertThat(replica.usersOf("cc-2")).extracting(UserRecord::id).containsExactly("u-3");
        assertThat(replica.usersOf("cc-3")).isEmpty();
    }

    @Test
    void hasFeatureIsTrueOnlyForAFeatureTheContactCenterHas() {
        apply(center("cc-1", List.of("api-voice"), Map.of(), T1));

        assertThat(replica.hasFeature("cc-1", "api-voice")).isTrue();
        assertThat(replica.hasFeature("cc-1", "api-supervisor-monitoring")).isFalse();
        assertThat(replica.hasFeature("cc-1", "api-multimedia")).isFalse();
        assertThat(replica.hasFeature("cc-1", "api-multimedia-chat")).isFalse();
    }

    @Test
    void apiMultimediaChatCountsAsApiMultimedia() {
        apply(center("cc-1", List.of("api-voice", "api-multimedia-chat"), Map.of(), T1));

        assertThat(replica.hasFeature("cc-1", "api-multimedia")).isTrue();
        assertThat(replica.hasFeature("cc-1", "api-multimedia-chat")).isTrue();
    }

    @Test
    void apiMultimediaCountsAsApiMultimediaChat() {
        apply(center("cc-1", List.of("api-multimedia"), Map.of(), T1));

        assertThat(replica.hasFeature("cc-1", "api-multimedia-chat")).isTrue();
        assertThat(replica.hasFeature("cc-1", "api-voice")).isFalse();
    }

    @Test
    void anUnknownContactCenterHasNoFeature() {
        assertThat(replica.hasFeature("cc-404", "api-voice")).isFalse();
    }

    @Test
    void settingGivesTheValueOfThatContactCenter() {
        apply(center("cc-1", List.of(), Map.of("enableCsrfProtection", "true"), T1));
        apply(center("cc-2", List.of(), Map.of("enableCsrfProtection", "false"), T1));

        assertThat(replica.setting("cc-1", "enableCsrfProtection")).contains("true");
        assertThat(replica.setting("cc-2", "enableCsrfProtection")).contains("false");
    }

    @Test
    void aSettingThatIsNotSetOrOfAnUnknownContactCenterIsEmpty() {
        apply(center("cc-1", List.of(), Map.of("enableCsrfProtection", "true"), T1));

        assertThat(replica.setting("cc-1", "voice.routing-point")).isEmpty();
        assertThat(replica.setting("cc-404", "enableCsrfProtection")).isEmpty();
    }

    @Test
    void awaitUserReturnsAUserThatArrivesWhileItWaits() throws Exception {
        DirectoryReplica replica = new DirectoryReplica();
        UserRecord late = user("late-user", "cc-1", "late@example.com", Instant.parse("2026-01-01T00:00:00Z"));
        Thread publisher = new Thread(() -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            replica.put(late);
        });
        long started = System.nanoTime();
        publisher.start();
        assertThat(replica.awaitUser("late-user", java.time.Duration.ofSeconds(5))).contains(late);
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(waitedMillis).as("woken by the arrival, not by the 5 s patience").isBetween(100L, 2_000L);
        publisher.join();
    }

    @Test
    void awaitUserGivesUpAfterItsPatience() {
        DirectoryReplica replica = new DirectoryReplica();
        long started = System.nanoTime();
        assertThat(replica.awaitUser("never", java.time.Duration.ofMillis(200))).isEmpty();
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(150L, 2_000L);
    }
}
