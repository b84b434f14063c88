package io.opengws.notification.cometd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opengws.common.events.Topics;
import io.opengws.notification.cometd.RawBayeux.Exchange;
import io.opengws.notification.messaging.TestNotifications;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The Bayeux protocol on the wire (cometd-reference.md sections 1 to 5, CONTRACT decision 20), with plain
 * HTTP as the acceptance suite's cometd-protocol scenario sends it. The test profile holds idle connects for
 * 3000 ms and expires sessions after 4000 ms without a connect.
 */
@QuarkusTest
class BayeuxProtocolTest {

    private static final long SERVER_TIMEOUT = 3000;
    private static final long MAX_INTERVAL = 4000;

    @TestHTTPResource("/api/v2/notifications")
    URI notifications;

    @Inject
    BayeuxServer server;

    private final BayeuxPrincipal user = TestNotifications.newUser();

    private RawBayeux browser() {
        return new RawBayeux(notifications, TestBayeuxAuthenticator.basic(user));
    }

    @Test
    void handshakeAnswersVersionLongPollingAnAlphanumericClientIdAdviceAndTheBrowserCookie() {
        RawBayeux bayeux = browser();
        ObjectNode request = bayeux.handshakeMessage();
        Exchange result = bayeux.post("", request);
        ObjectNode reply = result.replyOn("/meta/handshake");

        assertEquals(1, result.replies().size(), result.body());
        assertTrue(reply.path("successful").asBoolean(), result.body());
        assertEquals(request.path("id").asText(), reply.path("id").asText());
        assertEquals("1.0", reply.path("version").asText());
        assertEquals("long-polling", reply.path("supportedConnectionTypes").path(0).asText());
        assertTrue(reply.path("clientId").asText().matches("[A-Za-z0-9]{20,}"), result.body());
        assertEquals("retry", reply.path("advice").path("reconnect").asText());
        assertEquals(SERVER_TIMEOUT, reply.path("advice").path("timeout").asLong());
        assertEquals(0, reply.path("advice").path("interval").asLong());
        assertEquals(MAX_INTERVAL, reply.path("advice").path("maxInterval").asLong());
        assertTrue(bayeux.cookies().get("BAYEUX_BROWSER").matches("[A-Za-z0-9]+"), bayeux.cookies()::toString);
        assertTrue(result.response().headers().firstValue("Set-Cookie").orElseThrow().toLowerCase().contains("httponly"));
    }

    @Test
    void twoHandshakesGetDifferentClientIds() {
        RawBayeux bayeux = browser();
        assertFalse(bayeux.handshake().equals(bayeux.handshake()));
    }

    @Test
    void aHandshakeWithoutCredentialsIsRefusedWithNoSession() {
        int before = server.sessionCount();
        RawBayeux anonymous = new RawBayeux(notifications, null);
        Exchange result = anonymous.post("", anonymous.handshakeMessage());
        ObjectNode reply = result.replyOn("/meta/handshake");

        assertFalse(reply.path("successful").asBoolean(), result.body());
        assertEquals("403::Handshake denied", reply.path("error").asText());
        assertEquals("none", reply.path("advice").path("reconnect").asText());
        assertTrue(reply.path("clientId").isMissingNode(), result.body());
        assertEquals(before, server.sessionCount());
    }

    @Test
    void theFirstConnectAnswersAtOnceWithAdvice() {
        RawBayeux bayeux = browser();
        String clientId = bayeux.handshake();
        Exchange first = bayeux.connect(clientId, null);
        ObjectNode reply = first.replyOn("/meta/connect");

        assertTrue(reply.path("successful").asBoolean(), first.body());
        assertTrue(first.elapsedMillis() < SERVER_TIMEOUT / 2, () -> "the first connect took " + first.elapsedMillis() + " ms");
        assertEquals(SERVER_TIMEOUT, reply.path("advice").path("timeout").asLong(), first.body());
    }

    @Test
    void anIdleConnectIsHeldForTheTimeoutTheClientAsksFor() {
        RawBayeux bayeux = browser();
        String clientId = bayeux.connectedAndSubscribed("/v2/me/*");
        Exchange idle = bayeux.connect(clientId, 600L);

        assertTrue(idle.replyOn("/meta/connect").path("successful").asBoolean(), idle.body());
        assertTrue(idle.elapsedMillis() >= 550 && idle.elapsedMillis() < 2000, () -> "held " + idle.elapsedMillis() + " ms for 600 asked");
        assertEquals(List.of(), idle.events());
    }

    @Test
    void anIdleConnectWithoutClientAdviceIsHeldForTheServerTimeoutAndCarriesNoAdvice() {
        RawBayeux bayeux = browser();
        String clientId = bayeux.connectedAndSubscribed("/v2/me/*");
        Exchange idle = bayeux.connect(clientId, null);
        ObjectNode reply = idle.replyOn("/meta/connect");

        assertTrue(reply.path("successful").asBoolean(), idle.body());
        assertTrue(idle.elapsedMillis() >= SERVER_TIMEOUT - 100 && idle.elapsedMillis() < SERVER_TIMEOUT + 1500,
                () -> "held " + idle.elapsedMillis() + " ms");
        assertTrue(reply.path("advice").isMissingNode(), idle.body());
    }

    @Test
    void aClientCannotHoldAConnectLongerThanTheServerTimeout() {
        RawBayeux bayeux = browser();
        String clientId = bayeux.connectedAndSubscribed("/v2/me/*");
        Exchange idle = bayeux.connect(clientId, 60_000L);

        assertTrue(idle.elapsedMillis() < SERVER_TIMEOUT + 1500, () -> "held " + idle.elapsedMillis() + " ms");
    }

    @Test
    void aNotificationFromKafkaWakesTheHeldConnectAndCarriesChannelAndDataButNoClientId() throws Exception {
        FanOutReadiness.await(notifications);
        RawBayeux bayeux = browser();
        String clientId = bayeux.connectedAndSubscribed("/v2/me/*");
        CompletableFuture<Exchange> held = bayeux.connectAsync(clientId, SERVER_TIMEOUT);
        Thread.sleep(300); // the connect is held before the event exists
        TestNotifications.send(Topics.NOTIFICATIONS_VOICE, user, "/v2/me/devices", TestNotifications.data("DeviceStateChangeMessage", 1));
        Exchange woken = held.get();

        assertTrue(woken.elapsedMillis() >= 300 && woken.elapsedMillis() < SERVER_TIMEOUT - 100,
                () -> "the connect returned after " + woken.elapsedMillis() + " ms: " + woken.body());
        assertEquals(1, woken.events().size(), woken.body());
        ObjectNode event = woken.events().get(0);
        assertEquals("/v2/me/devices", event.path("channel").asText());
        assertEquals("DeviceStateChangeMessage", event.path("data").path("messageType").asText());
        assertFalse(event.has("clientId"), woken.body());
        assertTrue(woken.replyOn("/meta/connect").path("successful").asBoolean());
    }

    @Test
    void aNewConnectWhileOneIsHeldAnswersTheOldOneEmptyAndTheNewOneGetsTheEvents() throws Exception {
        RawBayeux bayeux = browser();
        String clientId = bayeux.connectedAndSubscribed("/v2/me/*");
        CompletableFuture<Exchange> abandoned = bayeux.connectAsync(clientId, SERVER_TIMEOUT);
        Thread.sleep(200);
        CompletableFuture<Exchange> current = bayeux.connectAsync(clientId, SERVER_TIMEOUT);
        Exchange old = abandoned.get();
        server.deliver(user, "/v2/me/calls", TestNotifications.data("CallStateChangeMessage", 4).toString());
        Exchange woken = current.get();

        assertTrue(old.elapsedMillis() < SERVER_TIMEOUT - 500, () -> "the old connect was held " + old.elapsedMillis() + " ms");
        assertEquals(List.of(), old.events());
        assertEquals(1, woken.events().size(), woken.body());
        assertTrue(woken.elapsedMillis() < SERVER_TIMEOUT - 500, () -> "the new connect was held " + woken.elapsedMillis() + " ms");
    }

    @Test
    void aConnectWithAnUnknownClientIdGets402AndTheAdviceToHandshake() {
        RawBayeux bayeux = browser();
        Exchange result = bayeux.connect("unknownclient0123456789abcdef", null);
        ObjectNode reply = result.replyOn("/meta/connect");

        assertFalse(reply.path("successful").asBoolean());
        assertEquals("402::Unknown client", reply.path("error").asText());
        assertEquals("handshake", reply.path("advice").path("reconnect").asText());
        assertEquals(0, reply.path("advice").path("interval").asLong(-1));
    }

    @Test
    void aSubscribeWithAnUnknownClientIdGets402() {
        RawBayeux bayeux = browser();
        ObjectNode reply = bayeux.post("", bayeux.subscribeMessage("nosuchclient", "/v2/me/*")).replyOn("/meta/subscribe");

        assertFalse(reply.path("successful").asBoolean());
        assertEquals("402::Unknown client", reply.path("error").asText());
    }

    @Test
    void afterADisconnectTheClientIdGets402() {
        RawBayeux bayeux = browser();
        String clientId = bayeux.connectedAndSubscribed("/v2/me/*");
        ObjectNode disconnected = bayeux.post("", bayeux.message("/meta/disconnect").put("clientId", clientId)).replyOn("/meta/disconnect");
        ObjectNode after = bayeux.connect(clientId, 0L).replyOn("/meta/connect");

        assertTrue(disconnected.path("successful").asBoolean());
        assertFalse(after.path("successful").asBoolean());
        assertEquals("402::Unknown client", after.path("error").asText());
        assertEquals("handshake", after.path("advice").path("reconnect").asText());
        assertFalse(server.hasLiveSession(user.userId()));
    }

    @Test
    void aDisconnectAnswersTheHeldConnectAtOnce() throws Exception {
        RawBayeux bayeux = browser();
        String clientId = bayeux.connectedAndSubscribed("/v2/me/*");
        CompletableFuture<Exchange> held = bayeux.connectAsync(clientId, SERVER_TIMEOUT);
        Thread.sleep(200);
        bayeux.post("", bayeux.message("/meta/disconnect").put("clientId", clientId)).replyOn("/meta/disconnect");
        Exchange released = held.get();

        assertTrue(released.elapsedMillis() < SERVER_TIMEOUT - 500, () -> "released after " + released.elapsedMillis() + " ms");
        assertEquals("none", released.replyOn("/meta/connect").path("advice").path("reconnect").asText(), released.body());
    }

    @Test
    void aSessionWithoutConnectsForMaxIntervalExpires() throws Exception {
        RawBayeux bayeux = browser();
        String clientId = bayeux.connectedAndSubscribed("/v2/me/*");
        long lastConnectEnded = System.nanoTime();
        assertTrue(server.hasLiveSession(user.userId()));

        while (server.hasLiveSession(user.userId()) && elapsedMillis(lastConnectEnded) < MAX_INTERVAL + 2000) {
            Thread.sleep(50);
        }

        long expiredAfter = elapsedMillis(lastConnectEnded);
        assertTrue(expiredAfter >= MAX_INTERVAL - 100 && expiredAfter < MAX_INTERVAL + 1000, () -> "expired after " + expiredAfter + " ms");
        ObjectNode reply = bayeux.connect(clientId, 0L).replyOn("/meta/connect");
        assertEquals("402::Unknown client", reply.path("error").asText());
        assertEquals("handshake", reply.path("advice").path("reconnect").asText());
    }

    @Test
    void sessionCountCountsTheOpenSessions() throws Exception {
        // Sessions of earlier tests expire within maxInterval; after that only this test's count.
        long deadline = System.currentTimeMillis() + MAX_INTERVAL + 2000;
        while (server.sessionCount() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, server.sessionCount());
        RawBayeux bayeux = browser();
        String first = bayeux.handshake();
        bayeux.handshake();
        assertEquals(2, server.sessionCount());
        bayeux.post("", bayeux.message("/meta/disconnect").put("clientId", first)).replyOn("/meta/disconnect");
        assertEquals(1, server.sessionCount());
    }

    private static long elapsedMillis(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }

    @Test
    void aHandshakenSessionIsNotLiveBeforeItsFirstConnect() {
        RawBayeux bayeux = browser();
        String clientId = bayeux.handshake();
        assertFalse(server.hasLiveSession(user.userId()));
        bayeux.connect(clientId, 0L).replyOn("/meta/connect");
        assertTrue(server.hasLiveSession(user.userId()));
    }

    @Test
    void everyUrlSuffixTheOfficialClientsUseServesBayeux() {
        RawBayeux bayeux = browser();
        ObjectNode handshake = bayeux.post("/handshake", bayeux.handshakeMessage()).replyOn("/meta/handshake");
        String clientId = handshake.path("clientId").asText();

        assertTrue(handshake.path("successful").asBoolean());
        assertTrue(bayeux.post("/connect", bayeux.connectMessage(clientId, 0L)).replyOn("/meta/connect").path("successful").asBoolean());
        assertTrue(bayeux.post("/", bayeux.subscribeMessage(clientId, "/v2/me/devices")).replyOn("/meta/subscribe").path("successful").asBoolean());
        assertTrue(bayeux.post("/subscribe", bayeux.subscribeMessage(clientId, "/v2/me/calls")).replyOn("/meta/subscribe").path("successful").asBoolean());
        ObjectNode unsubscribe = bayeux.message("/meta/unsubscribe").put("clientId", clientId).put("subscription", "/v2/me/calls");
        assertTrue(bayeux.post("/unsubscribe", unsubscribe).replyOn("/meta/unsubscribe").path("successful").asBoolean());
        ObjectNode disconnect = bayeux.message("/meta/disconnect").put("clientId", clientId);
        assertTrue(bayeux.post("/disconnect", disconnect).replyOn("/meta/disconnect").path("successful").asBoolean());
    }

    @Test
    void aBodyThatIsNotJsonAnswersHttp400() {
        RawBayeux bayeux = browser();
        Exchange truncated = bayeux.post("", "[{\"channel\":\"/meta/handshake\"");
        Exchange form = bayeux.post("", "message=%5B%5D");
        Exchange notMessages = bayeux.post("", "[1, 2]");

        assertEquals(400, truncated.status(), truncated.body());
        assertEquals(400, form.status(), form.body());
        assertEquals(400, notMessages.status(), notMessages.body());
        assertNull(truncated.replies());
    }

    @Test
    void aBodyInManyChunksIsReadWhole() {
        Exchange result = chunkedHandshakeOf(40 * 1024);

        assertTrue(result.replyOn("/meta/handshake").path("successful").asBoolean(), result.body());
    }

    @Test
    void aChunkedBodyOverTheLimitAnswers413WithStatusCode10() {
        Exchange result = chunkedHandshakeOf(70 * 1024);

        assertEquals(413, result.status(), result.body());
        assertTrue(result.body().contains("\"statusCode\":10"), result.body());
    }

    /** A handshake padded to about {@code bytes}, sent chunked (no Content-Length): the body arrives in many chunks. */
    private Exchange chunkedHandshakeOf(int bytes) {
        RawBayeux bayeux = browser();
        ObjectNode handshake = bayeux.handshakeMessage();
        handshake.putObject("ext").put("padding", "x".repeat(bytes));
        return bayeux.postChunked("/handshake", "[" + handshake + "]");
    }

    @Test
    void aSingleMessageObjectIsAcceptedLikeAnArray() {
        RawBayeux bayeux = browser();
        Exchange result = bayeux.post("", bayeux.handshakeMessage().toString());
        assertTrue(result.replyOn("/meta/handshake").path("successful").asBoolean(), result.body());
    }

    @Test
    void aMessageWithoutChannelIsAnsweredWithAnError() {
        RawBayeux bayeux = browser();
        Exchange result = bayeux.post("", "[{\"id\":\"7\",\"data\":{}}]");

        assertEquals("400::channel missing", result.replies().path(0).path("error").asText(), result.body());
        assertEquals("7", result.replies().path(0).path("id").asText());
    }

    @Test
    void publishingOnANotificationChannelIsRefusedAndOnAServiceChannelGoesNowhere() {
        RawBayeux bayeux = browser();
        String clientId = bayeux.connectedAndSubscribed("/v2/me/*");
        ObjectNode toCalls = bayeux.message("/v2/me/calls").put("clientId", clientId);
        toCalls.putObject("data").put("messageType", "CallStateChangeMessage");
        ObjectNode toService = bayeux.message("/service/echo").put("clientId", clientId);
        toService.putObject("data").put("hello", "world");

        ObjectNode refused = bayeux.post("", toCalls).replyOn("/v2/me/calls");
        ObjectNode accepted = bayeux.post("", toService).replyOn("/service/echo");
        Exchange next = bayeux.connect(clientId, 300L);

        assertFalse(refused.path("successful").asBoolean());
        assertTrue(refused.path("error").asText().startsWith("403:"), refused::toString);
        assertEquals(toCalls.path("id").asText(), refused.path("id").asText());
        assertTrue(accepted.path("successful").asBoolean());
        assertEquals(List.of(), next.events(), "a client's publish is never delivered");
    }

    @Test
    void subscriptionsAreValidated() {
        RawBayeux bayeux = browser();
        String clientId = bayeux.connectedAndSubscribed("/v2/me/*");
        ObjectNode missing = bayeux.message("/meta/subscribe").put("clientId", clientId);

        assertEquals("403::subscription_missing", bayeux.post("", missing).replyOn("/meta/subscribe").path("error").asText());
        ObjectNode invalid = bayeux.post("", bayeux.subscribeMessage(clientId, "/bad<script>")).replyOn("/meta/subscribe");
        assertEquals("403::subscription_invalid", invalid.path("error").asText());
        assertEquals("/bad<script>", invalid.path("subscription").asText());
        ObjectNode meta = bayeux.post("", bayeux.subscribeMessage(clientId, "/meta/**")).replyOn("/meta/subscribe");
        assertFalse(meta.path("successful").asBoolean());
        assertTrue(meta.path("error").asText().startsWith("403::"));
    }

    @Test
    void severalChannelsSubscribeInOneMessageAndSeveralMessagesShareOneRequest() {
        RawBayeux bayeux = browser();
        String clientId = bayeux.handshake();
        ObjectNode connect = bayeux.connectMessage(clientId, 0L);
        ObjectNode subscribe = bayeux.message("/meta/subscribe").put("clientId", clientId);
        subscribe.putArray("subscription").add("/v2/me/calls").add("/v2/me/chats");
        ObjectNode service = bayeux.message("/service/ping").put("clientId", clientId);
        service.putObject("data");

        Exchange result = bayeux.post("", connect, subscribe, service);

        assertEquals(3, result.replies().size(), result.body());
        assertEquals(List.of("/meta/connect", "/meta/subscribe", "/service/ping"),
                List.of(result.replies().path(0).path("channel").asText(), result.replies().path(1).path("channel").asText(),
                        result.replies().path(2).path("channel").asText()));
        assertEquals(2, result.replies().path(1).path("subscription").size());
        server.deliver(user, "/v2/me/chats", TestNotifications.data("ChatStateChangeMessage", 1).toString());
        server.deliver(user, "/v2/me/devices", TestNotifications.data("DeviceStateChangeMessage", 2).toString());
        List<ObjectNode> events = bayeux.eventsWithin(clientId, 2000, 500);
        assertEquals(List.of("/v2/me/chats"), events.stream().map(e -> e.path("channel").asText()).toList());
    }

    @Test
    void aSecondHeldConnectFromTheSameBrowserGetsTheMultipleClientsAdvice() throws Exception {
        RawBayeux bayeux = browser();
        String first = bayeux.connectedAndSubscribed("/v2/me/*");
        String second = bayeux.connectedAndSubscribed("/v2/me/*");
        CompletableFuture<Exchange> held = bayeux.connectAsync(first, SERVER_TIMEOUT);
        Thread.sleep(200);
        Exchange extra = bayeux.connect(second, SERVER_TIMEOUT);
        ObjectNode advice = extra.replyOn("/meta/connect").path("advice").deepCopy();

        assertTrue(extra.elapsedMillis() < 1000, () -> "the extra connect was held " + extra.elapsedMillis() + " ms");
        assertTrue(advice.path("multiple-clients").asBoolean(), extra.body());
        assertEquals("retry", advice.path("reconnect").asText());
        assertEquals(2000, advice.path("interval").asLong());
        assertTrue(held.get().elapsedMillis() >= SERVER_TIMEOUT - 300, "the first session's connect is still held");
    }

    @Test
    void withTheAckExtensionAnUnacknowledgedBatchIsSentAgain() {
        RawBayeux bayeux = browser();
        ObjectNode handshake = bayeux.handshakeMessage();
        handshake.putObject("ext").put("ack", true);
        ObjectNode handshakeReply = bayeux.post("", handshake).replyOn("/meta/handshake");
        String clientId = handshakeReply.path("clientId").asText();
        assertTrue(handshakeReply.path("ext").path("ack").asBoolean(), handshakeReply::toString);
        long firstBatch = ackedConnect(bayeux, clientId, -1, 0).replyOn("/meta/connect").path("ext").path("ack").asLong();
        bayeux.post("", bayeux.subscribeMessage(clientId, "/v2/me/*")).replyOn("/meta/subscribe");

        server.deliver(user, "/v2/me/calls", TestNotifications.data("CallStateChangeMessage", 1).toString());
        Exchange delivered = ackedConnect(bayeux, clientId, firstBatch, SERVER_TIMEOUT);
        long deliveredBatch = delivered.replyOn("/meta/connect").path("ext").path("ack").asLong();
        // The client lost that reply: it acknowledges only the batch before.
        server.deliver(user, "/v2/me/calls", TestNotifications.data("CallStateChangeMessage", 2).toString());
        Exchange resent = ackedConnect(bayeux, clientId, firstBatch, SERVER_TIMEOUT);
        long resentBatch = resent.replyOn("/meta/connect").path("ext").path("ack").asLong();
        Exchange acknowledged = ackedConnect(bayeux, clientId, resentBatch, 400);

        assertEquals(List.of(1), numbers(delivered));
        assertTrue(deliveredBatch > firstBatch);
        assertEquals(List.of(1, 2), numbers(resent), "the lost message first, then the new one");
        assertTrue(resentBatch > deliveredBatch);
        assertEquals(List.of(), numbers(acknowledged), "nothing is sent again once acknowledged");
    }

    private static Exchange ackedConnect(RawBayeux bayeux, String clientId, long ack, long timeout) {
        ObjectNode connect = bayeux.connectMessage(clientId, timeout);
        connect.putObject("ext").put("ack", ack);
        return bayeux.post("", connect);
    }

    private static List<Integer> numbers(Exchange exchange) {
        return exchange.events().stream().map(event -> event.path("data").path("n").asInt()).toList();
    }
}
