package io.opengws.notification;

import java.util.concurrent.atomic.AtomicInteger;

import io.opengws.common.wire.GwsStatus;
import io.opengws.common.wire.OperationRequest;
import io.opengws.common.wire.Operations;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A test-only resource written the way real resources are (an operation table, a typed body), so that the
 * wire conventions of common are checked inside a running service. It counts what it accepted, so that a
 * test can show bad input changed nothing.
 */
@Path("/api/v2/wire-probe")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WireConventionsProbeResource {

    public enum Mode {
        NextCall, AllCalls
    }

    public record Typed(int count, Mode mode, String name) {
    }

    static final AtomicInteger ACCEPTED = new AtomicInteger();

    private static final Operations<AtomicInteger> OPERATIONS = Operations.<AtomicInteger>of("wire probe")
            .on("Count", (counter, request) -> {
                request.requiredString("reason");
                request.optionalEnum("mode", Mode.class);
                counter.incrementAndGet();
                return GwsStatus.ok();
            })
            .on("Fail", (counter, request) -> {
                throw new IllegalStateException("internal detail that must not leak");
            })
            .build();

    @POST
    @Path("/operations")
    public Object operate(OperationRequest request) {
        return OPERATIONS.dispatch(ACCEPTED, request);
    }

    @POST
    @Path("/typed")
    public GwsStatus typed(Typed body) {
        ACCEPTED.incrementAndGet();
        return GwsStatus.ok();
    }

    @GET
    @Path("/accepted")
    public int accepted() {
        return ACCEPTED.get();
    }
}
