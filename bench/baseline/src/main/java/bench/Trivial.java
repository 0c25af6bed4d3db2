package bench;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The trivial JSON endpoints the service's answers are measured against: same stack, no work. {@code /trivial} runs
 * as Quarkus runs a plain method by default (on a worker thread); {@code /trivial/event-loop} runs on the event loop,
 * as the service's in-memory reads do, and is the stack's ceiling.
 */
@Path("/trivial")
@Produces(MediaType.APPLICATION_JSON)
public class Trivial {

    public record Greeting(String message) {
    }

    @GET
    public Greeting get() {
        return new Greeting("hello");
    }

    @GET
    @Path("/event-loop")
    @NonBlocking
    public Greeting onEventLoop() {
        return new Greeting("hello");
    }
}
