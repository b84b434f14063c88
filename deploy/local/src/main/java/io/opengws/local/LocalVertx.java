package io.opengws.local;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * The Vert.x of the launcher's own HTTP work: the edge and the load generator. On Linux it runs on epoll
 * (netty-transport-native-epoll), as the services do (quarkus.vertx.prefer-native-transport), not on Java NIO:
 * the edge relays every request and long-poll of the system, and the load generator shares the machine it measures.
 * Elsewhere Vert.x falls back to NIO.
 */
public final class LocalVertx {

    private LocalVertx() {
    }

    public static Vertx create() {
        return Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    }
}
