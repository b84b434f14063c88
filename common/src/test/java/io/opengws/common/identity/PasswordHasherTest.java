package io.opengws.common.identity;

import static io.opengws.common.identity.TestPasswords.OTHER;
import static io.opengws.common.identity.TestPasswords.SECRET;
import static io.opengws.common.identity.TestPasswords.SECRET_HASH;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void aHashIsABcryptStringNeverThePassword() {
        assertThat(SECRET_HASH).startsWith("$2").hasSize(60).doesNotContain(SECRET);
    }

    @Test
    void hashingTheSamePasswordTwiceGivesDifferentHashesBecauseOfTheSalt() {
        String again = PasswordHasher.hash(SECRET);

        assertThat(again).isNotEqualTo(SECRET_HASH);
        assertThat(PasswordHasher.matches(SECRET, again)).isTrue();
    }

    @Test
    void thePasswordMatchesItsHash() {
        assertThat(PasswordHasher.matches(SECRET, SECRET_HASH)).isTrue();
    }

    @Test
    void anotherPasswordDoesNotMatch() {
        assertThat(PasswordHasher.matches(OTHER, SECRET_HASH)).isFalse();
        assertThat(PasswordHasher.matches(SECRET.toUpperCase(), SECRET_HASH)).isFalse();
    }

    @Test
    void nullOrEmptyInputsNeverMatch() {
        assertThat(PasswordHasher.matches(null, SECRET_HASH)).isFalse();
        assertThat(PasswordHasher.matches("", SECRET_HASH)).isFalse();
        assertThat(PasswordHasher.matches(SECRET, null)).isFalse();
        assertThat(PasswordHasher.matches(SECRET, "")).isFalse();
    }

    @Test
    void aStoredValueThatIsNotABcryptHashNeverMatches() {
        assertThat(PasswordHasher.matches(SECRET, SECRET)).isFalse();
    }

    @Test
    void aPasswordLongerThanBcryptAcceptsDoesNotMatchInsteadOfFailing() {
        // bcrypt takes at most 72 bytes; a client may still send more in HTTP Basic.
        String tooLong = SECRET + "x".repeat(80);

        assertThat(PasswordHasher.matches(tooLong, SECRET_HASH)).isFalse();
    }
}
