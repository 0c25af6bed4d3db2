package org.provisiontimeline.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.provisiontimeline.api.HistoryResource.VersionView;
import org.provisiontimeline.provision.ProvisionVersion;

/** The change feed: every version of every provision in the order it was recorded, paged by cursor. */
@Path("/api/changes")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFeedResource {

    @GET
    @OwnETag
    @Operation(summary = "Change feed: every version of every provision recorded at or after `since`, oldest first")
    public RestResponse<List<VersionView>> changes(
            @Parameter(description = "RFC 3339 instant or date (start of that day, UTC); default: the beginning",
                    example = "2026-01-01T00:00:00Z") @RestQuery String since,
            @RestQuery String limit, @RestQuery String cursor, UriInfo uri) {
        Instant from = since == null ? Instant.EPOCH : Params.instant("since", since, false);
        int max = Params.limit(limit, Paging.DEFAULT_LIMIT, Paging.MAX_LIMIT);
        long after = Paging.decode('s', cursor);
        List<ProvisionVersion> page = QuarkusTransaction.requiringNew().call(() -> ProvisionVersion.feed(after, from, max));
        var response = RestResponse.ResponseBuilder.ok(page.stream().map(VersionView::of).toList());
        if (page.size() == max) {
            String next = Paging.nextLink(uri, Paging.encode('s', page.get(max - 1).seq));
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response.build();
    }
}
