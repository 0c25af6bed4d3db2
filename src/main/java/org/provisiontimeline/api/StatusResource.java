package org.provisiontimeline.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.provisiontimeline.provision.CatalogEntry;
import org.provisiontimeline.provision.ProvisionCatalog;
import org.provisiontimeline.status.PartialDate;
import org.provisiontimeline.status.StatusAnswer;

/** "Was it in force on this day, and why?" and the whole history as intervals. */
@Path("/api/provisions")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private final ProvisionCatalog catalog;
    private final Clock clock;

    StatusResource(ProvisionCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @GET
    @Path("/{id}/status")
    @Operation(summary = "Status on one day: restricted?, state, since/until, explanation, governing events, sources")
    public StatusAnswer status(
            @Parameter(example = "us-fsa-907") @RestPath String id,
            @Parameter(description = "the day asked about, YYYY-MM-DD; default today (UTC)", example = "2024-06-01")
            @RestQuery String date,
            @Parameter(description = "aid category id; default general", example = "general") @RestQuery String category,
            @Parameter(description = "record instant (RFC 3339) or date: answer as the dataset stood then",
                    example = "2026-01-01T00:00:00Z") @RestQuery String asOf) {
        LocalDate day = Params.day("date", date, null);
        CatalogEntry entry = ProvisionResource.entry(catalog, id, asOf);
        String cat = Params.category(entry.provision(), category);
        LocalDate on = day != null ? day : LocalDate.now(clock);
        return entry.timeline(cat).answer(on).withProvenance(entry.datasetVersion(), asOf);
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "Maximal closed-open intervals {from, to, state, restricted, confidence, eventIds}")
    public ProvisionViews.TimelineView timeline(
            @Parameter(example = "us-fsa-907") @RestPath String id,
            @Parameter(description = "first day (partial dates allowed: 2002 means from 2002-01-01)", example = "2000")
            @RestQuery String from,
            @Parameter(description = "last day, inclusive (partial dates allowed: 2025 means through 2025-12-31)",
                    example = "2025") @RestQuery String to,
            @Parameter(description = "aid category id; default general", example = "general") @RestQuery String category,
            @Parameter(description = "record instant (RFC 3339) or date") @RestQuery String asOf) {
        PartialDate f = Params.bound("from", from);
        PartialDate t = Params.bound("to", to);
        Params.checkOrder(from, f, t);
        CatalogEntry entry = ProvisionResource.entry(catalog, id, asOf);
        String cat = Params.category(entry.provision(), category);
        var intervals = entry.timeline(cat).intervals(f == null ? null : f.earliest(),
                t == null ? null : t.latest().plusDays(1));
        return new ProvisionViews.TimelineView(id, cat, f, t, entry.provision().checkedThrough(),
                entry.datasetVersion(), asOf, intervals);
    }
}
