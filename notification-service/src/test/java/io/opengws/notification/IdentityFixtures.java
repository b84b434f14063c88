package io.opengws.notification;

import io.restassured.specification.RequestSpecification;

/** Real directory users for tests outside this package (CometD). */
public final class IdentityFixtures {

    public record Person(String id, String userName, String password, String contactCenterId) {
        public RequestSpecification request() {
            return TestUsers.as(userName, password);
        }

        public String basic() {
            return IdentityFixtures.basic(userName, password);
        }
    }

    private IdentityFixtures() {
    }

    public static Person agent() {
        String center = TestUsers.contactCenter();
        TestUsers.Account account = TestUsers.user(TestUsers.adminOf(center).request(), null, "ROLE_AGENT");
        return new Person(account.id(), account.userName(), account.password(), center);
    }

    public static String basic(String userName, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((userName + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
