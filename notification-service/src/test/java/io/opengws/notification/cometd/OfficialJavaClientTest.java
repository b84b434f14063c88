package io.opengws.notification.cometd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.ext.AckExtension;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opengws.common.events.Topics;
import io.opengws.notification.messaging.TestNotifications;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;

/**
 * The official CometD Java client (org.cometd.java 8.0.10, long-polling over the Jetty 12 HTTP client)
 * against this server, with notifications written to the real Kafka broker.
 */
@QuarkusTest
class OfficialJavaClientTest {

    private static final long WAIT_SECONDS = 15;

    @TestHTTPResource("/api/v2/notifications")
    URI notifications;

    @Inject
    BayeuxServer server;

    @Inject
    Vertx vertx;

    private final BayeuxPrincipal user = TestNotifications.newUser();
    private final List<BayeuxClient> clients = new ArrayList<>();
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        FanOutReadiness.await(notifications);
        http = new HttpClient();
        http.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (BayeuxClient client : clients) {
            client.disconnect(2000);
        }
        http.stop();
    }

    /** A client sending the user's Basic credentials on every request; cookies are its own. */
    private BayeuxClient client(String url, BayeuxPrincipal principal, boolean acknowledged) {
        String authorization = TestBayeuxAuthenticator.basic(principal);
        JettyHttpClientTransport transport = new JettyHttpClientTransport(new HashMap<>(), http) {
            @Override
            protected void customize(Request request) {
                request.headers(headers -> headers.put("Authorization", authorization));
            }
        };
        BayeuxClient client = new BayeuxClient(url, transport);
        client.setOption(BayeuxClient.BACKOFF_INCREMENT_OPTION, 200L);
        if (acknowledged) {
            client.addExtension(new AckExtension());
        }
        clients.add(client);
        return client;
    }

    /** Subscribes in the /meta/handshake listener, as CometD documents, so that a new handshake subscribes again. */
    private static void subscribeOnEveryHandshake(BayeuxClient client, String channel, BlockingQueue<Message> received,
            BlockingQueue<Boolean> subscribed) {
        client.getChannel(Channel.META_HANDSHAKE).addListener((ClientSessionChannel.MessageListener) (channelOfHandshake, handshake) -> {
            if (handshake.isSuccessful()) {
                client.getChannel(channel).subscribe((ch, message) -> received.add(message), reply -> subscribed.add(reply.isSuccessful()));
            }
        });
    }

    @Test
    void handshakesSubscribesReceivesAKafkaNotificationOnEverySubscriptionAndDisconnects() throws Exception {
        BayeuxClient client = client(notifications.toString(), user, false);
        client.handshake();
        assertTrue(client.waitFor(WAIT_SECONDS * 1000, BayeuxClient.State.CONNECTED), "connected");
        assertTrue(client.getId().matches("[A-Za-z0-9]+"), client.getId());
        BlockingQueue<Message> onMe = new LinkedBlockingQueue<>();
        BlockingQueue<Message> onEverything = new LinkedBlockingQueue<>();
        CountDownLatch subscribed = new CountDownLatch(2);
        client.getChannel("/v2/me/*").subscribe((channel, message) -> onMe.add(message), reply -> {
            if (reply.isSuccessful()) {
                subscribed.countDown();
            }
        });
        client.getChannel("/**").subscribe((channel, message) -> onEverything.add(message), reply -> {
            if (reply.isSuccessful()) {
                subscribed.countDown();
            }
        });
        assertTrue(subscribed.await(WAIT_SECONDS, TimeUnit.SECONDS), "both subscriptions succeed");

        TestNotifications.send(Topics.NOTIFICATIONS_VOICE, user, "/v2/me/calls", TestNotifications.data("CallStateChangeMessage", 7));

        Message viaMe = firstEvent(onMe);
        Message viaEverything = firstEvent(onEverything);
        assertNotNull(viaMe, "delivered to the /v2/me/* subscription");
        assertNotNull(viaEverything, "delivered to the /** subscription");
        assertEquals("/v2/me/calls", viaMe.getChannel());
        assertEquals("CallStateChangeMessage", viaMe.getDataAsMap().get("messageType"));
        assertEquals(7, ((Number) viaEverything.getDataAsMap().get("n")).intValue());
        assertNull(viaMe.getClientId(), "a delivered event carries no clientId");

        assertTrue(client.disconnect(WAIT_SECONDS * 1000), "disconnected");
        assertFalse(server.hasLiveSession(user.userId()), "the server has no session left for the user");
    }

    @Test
    void withTheAckExtensionANotificationWhoseConnectReplyWasLostArrivesAgain() throws Exception {
        try (FaultyProxy proxy = new FaultyProxy(vertx, notifications)) {
            BayeuxClient client = client(proxy.url(notifications), user, true);
            BlockingQueue<Message> received = new LinkedBlockingQueue<>();
            BlockingQueue<Boolean> subscribed = new LinkedBlockingQueue<>();
            subscribeOnEveryHandshake(client, "/v2/me/**", received, subscribed);
            client.handshake();
            assertEquals(Boolean.TRUE, subscribed.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            String clientId = client.getId();

            proxy.dropNextResponseContaining("LostOnce");
            TestNotifications.send(Topics.NOTIFICATIONS_CHAT, user, "/v2/me/chats", TestNotifications.data("LostOnce", 1));
            Message resent = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            TestNotifications.send(Topics.NOTIFICATIONS_CHAT, user, "/v2/me/chats", TestNotifications.data("Next", 2));
            Message next = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);

            assertEquals(1, proxy.dropped(), "one connect reply carrying the message was lost on the way");
            assertNotNull(resent, "the lost message is sent again");
            assertEquals("LostOnce", resent.getDataAsMap().get("messageType"));
            assertNotNull(next);
            assertEquals("Next", next.getDataAsMap().get("messageType"));
            assertNull(received.poll(300, TimeUnit.MILLISECONDS), "nothing else arrives");
            assertEquals(clientId, client.getId(), "the same session: no new handshake was needed");
        }
    }

    @Test
    void afterA402TheClientHandshakesAgainAndReceivesOnItsNewSession() throws Exception {
        try (FaultyProxy proxy = new FaultyProxy(vertx, notifications)) {
            BayeuxClient client = client(proxy.url(notifications), user, false);
            BlockingQueue<Message> received = new LinkedBlockingQueue<>();
            BlockingQueue<Boolean> subscribed = new LinkedBlockingQueue<>();
            List<String> connectErrors = new CopyOnWriteArrayList<>();
            client.getChannel(Channel.META_CONNECT).addListener((ClientSessionChannel.MessageListener) (channel, reply) -> {
                if (reply.get(Message.ERROR_FIELD) != null) {
                    connectErrors.add(String.valueOf(reply.get(Message.ERROR_FIELD)));
                }
            });
            subscribeOnEveryHandshake(client, "/v2/me/*", received, subscribed);
            client.handshake();
            assertEquals(Boolean.TRUE, subscribed.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertTrue(client.waitFor(WAIT_SECONDS * 1000, BayeuxClient.State.CONNECTED));
            assertTrue(server.hasLiveSession(user.userId()));
            String firstId = client.getId();

            // No connect reaches the server until it has expired the session for missing maxInterval.
            proxy.refuseConnects(true);
            long deadline = System.currentTimeMillis() + WAIT_SECONDS * 1000;
            while (server.hasLiveSession(user.userId()) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertFalse(server.hasLiveSession(user.userId()), "the session expired");
            proxy.refuseConnects(false);

            assertEquals(Boolean.TRUE, subscribed.poll(WAIT_SECONDS, TimeUnit.SECONDS), () -> "subscribed again after the new handshake");
            assertTrue(client.waitFor(WAIT_SECONDS * 1000, BayeuxClient.State.CONNECTED));
            assertTrue(proxy.refused() > 0);
            assertTrue(connectErrors.contains("402::Unknown client"), connectErrors::toString);
            assertNotEquals(firstId, client.getId(), "a new session");
            TestNotifications.send(Topics.NOTIFICATIONS_SMS, user, "/v2/me/smssessions", TestNotifications.data("SmsStateChangeMessage", 3));
            Message message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(message, "delivered on the new session");
            assertEquals("/v2/me/smssessions", message.getChannel());
        }
    }

    /** The first message that is not a /meta/ reply: the client also dispatches those to a local /** subscriber. */
    private static Message firstEvent(BlockingQueue<Message> received) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_SECONDS * 1000;
        Message message;
        do {
            message = received.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        } while (message != null && message.getChannel().startsWith("/meta/"));
        return message;
    }
}
