package bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The trivial JSON endpoint the service's answers are measured against: same stack, no work. */
@Path("/trivial")
@Produces(MediaType.APPLICATION_JSON)
public class Trivial {

    public record Greeting(String message) {
    }

    @GET
    public Greeting get() {
        return new Greeting("hello");
    }
}
