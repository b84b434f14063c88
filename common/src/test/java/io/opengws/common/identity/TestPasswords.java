package io.opengws.common.identity;

/** Real bcrypt hashes for the identity tests, computed once per test run (bcrypt cost 10 takes a while). */
final class TestPasswords {

    static final String SECRET = "correct horse battery staple";
    static final String SECRET_HASH = PasswordHasher.hash(SECRET);

    static final String OTHER = "an entirely different password";
    static final String OTHER_HASH = PasswordHasher.hash(OTHER);

    private TestPasswords() {
    }
}
