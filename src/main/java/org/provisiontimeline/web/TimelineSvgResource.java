package org.provisiontimeline.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.provisiontimeline.api.Params;
import org.provisiontimeline.api.ProvisionResource;
import org.provisiontimeline.api.TimelineRange;
import org.provisiontimeline.provision.CatalogEntry;
import org.provisiontimeline.provision.ProvisionCatalog;
import org.provisiontimeline.status.Event;
import org.provisiontimeline.status.Interval;
import org.provisiontimeline.status.Provision;

/** The timeline as a picture: same parameters and same intervals as {@code GET /api/provisions/{id}/timeline}. */
@Path("/api/provisions")
public class TimelineSvgResource {

    static final String MEDIA_TYPE = "image/svg+xml";

    private final ProvisionCatalog catalog;
    private final Clock clock;

    TimelineSvgResource(ProvisionCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @GET
    @Path("/{id}/timeline.svg")
    @Produces(MEDIA_TYPE)
    @Operation(summary = "The timeline as a self-contained SVG picture (state bands, event markers, legend)")
    @APIResponse(responseCode = "200", description = "the picture", content = @Content(mediaType = MEDIA_TYPE))
    @APIResponse(responseCode = "400", description = "bad date, category or unknown parameter (problem+json)")
    @APIResponse(responseCode = "404", description = "unknown provision (problem+json)")
    public RestResponse<String> svg(
            @Parameter(example = "us-fsa-907") @RestPath String id,
            @Parameter(description = "first day shown (partial dates allowed)", example = "2000") @RestQuery String from,
            @Parameter(description = "last day shown, inclusive (partial dates allowed)", example = "2025")
            @RestQuery String to,
            @Parameter(description = "aid category id; default general", example = "general") @RestQuery String category,
            @Parameter(description = "record instant (RFC 3339) or date") @RestQuery String asOf) {
        TimelineRange range = TimelineRange.parse(from, to);
        CatalogEntry entry = ProvisionResource.entry(catalog, id, asOf);
        Provision p = entry.provision();
        String cat = Params.category(p, category);
        List<Interval> intervals = range.of(entry.timeline(cat));
        List<Event> events = new ProvisionResource.EventFilter(range.from(), range.to(), null, null).apply(p.events());
        LocalDate[] auto = autoSpan(p, intervals);
        LocalDate start = range.from() != null ? range.from().earliest() : auto[0];
        LocalDate end = range.to() != null ? range.to().latest().plusDays(1) : auto[1];
        String categoryLabel = p.category(cat).map(c -> c.label()).orElse(cat);
        String subtitle = String.join(" · ", Stream.of(
                p.citation(),
                "record checked through " + (p.checkedThrough() == null ? "?" : TimelineSvg.longDate(p.checkedThrough())),
                "dataset version " + entry.datasetVersion(),
                asOf == null ? null : "as the record stood at " + asOf).filter(s -> s != null && !s.isBlank()).toList());
        var picture = new TimelineSvg.Picture(p.title(), subtitle, categoryLabel, intervals, events,
                p.coverage(), start, end, p.checkedThrough());
        return RestResponse.ResponseBuilder.ok(TimelineSvg.render(picture), MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"" + id + "_timeline_" + cat + "_"
                        + entry.datasetVersion() + ".svg\"")
                .build();
    }

    /**
     * Without {@code from}/{@code to} the picture spans what the page shows when zoomed to fit: the first event or
     * change to the last event, {@code checkedThrough} or today, whichever is latest, plus a margin.
     */
    private LocalDate[] autoSpan(Provision p, List<Interval> intervals) {
        LocalDate lo = Stream.concat(p.events().stream().map(e -> e.date().earliest()),
                intervals.stream().map(Interval::from).filter(d -> d != null)).min(LocalDate::compareTo)
                .orElse(LocalDate.of(2000, 1, 1));
        Stream<LocalDate> ends = Stream.of(p.events().stream().map(e -> e.date().latest().plusDays(1)),
                intervals.stream().map(Interval::from).filter(d -> d != null),
                Stream.of(LocalDate.now(clock).plusDays(1)),
                Stream.ofNullable(p.checkedThrough()).map(d -> d.plusDays(1))).flatMap(s -> s);
        LocalDate hi = ends.max(LocalDate::compareTo).orElse(lo.plusYears(1));
        long pad = Math.max(120, Math.round((hi.toEpochDay() - lo.toEpochDay()) * 0.025));
        return new LocalDate[] {lo.minusDays(pad), hi.plusDays(pad)};
    }
}
