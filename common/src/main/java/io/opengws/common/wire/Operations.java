package io.opengws.common.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The table of operations one resource accepts, keyed by {@code operationName}: the single mechanism
 * behind every {@code POST} with an {@code operationName}, so no resource repeats a switch. The target is
 * whatever the resource resolved from the path (a device, a call, a chat); a handler answers the body.
 *
 * <pre>
 * static final Operations&lt;Device&gt; DEVICE = Operations.&lt;Device&gt;of("device")
 *         .on("ListenIn", (device, request) -&gt; monitoring.listenIn(device, request))
 *         .build();
 * </pre>
 */
public final class Operations<T> {

    @FunctionalInterface
    public interface Handler<T> {
        Object handle(T target, OperationRequest request);
    }

    private final String resourceName;
    private final Map<String, Handler<T>> handlers;

    private Operations(String resourceName, Map<String, Handler<T>> handlers) {
        this.resourceName = resourceName;
        this.handlers = Collections.unmodifiableMap(new LinkedHashMap<>(handlers));
    }

    public static <T> Builder<T> of(String resourceName) {
        return new Builder<>(resourceName);
    }

    /** Runs the operation the request names; a missing or unknown name is the caller's error, not ours. */
    public Object dispatch(T target, OperationRequest request) {
        if (request == null) {
            throw GwsException.missingParameter(OperationRequest.OPERATION_NAME);
        }
        String name = request.operationName();
        Handler<T> handler = handlers.get(name);
        if (handler == null) {
            throw GwsException.invalidParameter("The operation '" + GwsException.echo(name) + "' is not supported on a " + resourceName
                    + "; supported operations: " + String.join(", ", handlers.keySet()) + ".");
        }
        return handler.handle(target, request);
    }

    public Set<String> names() {
        return handlers.keySet();
    }

    public static final class Builder<T> {
        private final String resourceName;
        private final Map<String, Handler<T>> handlers = new LinkedHashMap<>();

        private Builder(String resourceName) {
            this.resourceName = resourceName;
        }

        public Builder<T> on(String operationName, Handler<T> handler) {
            if (handlers.putIfAbsent(operationName, handler) != null) {
                throw new IllegalStateException("Operation " + operationName + " is registered twice on " + resourceName);
            }
            return this;
        }

        public Operations<T> build() {
            return new Operations<>(resourceName, handlers);
        }
    }
}
