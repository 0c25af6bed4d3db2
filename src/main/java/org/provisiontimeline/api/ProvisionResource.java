package org.provisiontimeline.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.provisiontimeline.provision.CatalogEntry;
import org.provisiontimeline.provision.ProvisionCatalog;
import org.provisiontimeline.provision.Curation;
import org.provisiontimeline.status.Event;
import org.provisiontimeline.status.EventType;
import org.provisiontimeline.status.PartialDate;

/** Provisions and their events, read side. */
@Path("/api/provisions")
@Produces(MediaType.APPLICATION_JSON)
public class ProvisionResource {

    /** Response header naming the dataset version of answers whose body cannot carry it (JSON arrays, events). */
    public static final String DATASET_VERSION = "Dataset-Version";

    private final ProvisionCatalog catalog;
    private final Curation curation;
    private final Clock clock;
    private final ProvisionListing listing;
    private final EventsJson eventsJson;

    ProvisionResource(ProvisionCatalog catalog, Curation curation, Clock clock, ProvisionListing listing,
                      EventsJson eventsJson) {
        this.catalog = catalog;
        this.curation = curation;
        this.clock = clock;
        this.listing = listing;
        this.eventsJson = eventsJson;
    }

    @GET
    @Operation(summary = "List provisions with today's status (general category)")
    public Uni<RestResponse<List<ProvisionViews.Summary>>> list(
            @Parameter(description = "page size, 1–1000", example = "100") @RestQuery String limit,
            @Parameter(description = "opaque cursor from the Link rel=\"next\" header") @RestQuery String cursor,
            UriInfo uri) {
        LocalDate today = LocalDate.now(clock);
        return InMemoryReads.run(listing.isReady(today), () -> Paging.page(listing.on(today), limit, cursor, uri));
    }

    @GET
    @Path("/{id}")
    @OwnETag
    @Operation(summary = "A provision with all its events; its ETag is the one to send in If-Match when editing")
    public RestResponse<ProvisionViews.Detail> detail(
            @Parameter(example = "us-fsa-907") @RestPath String id,
            @Parameter(description = "record instant (RFC 3339) or date: the provision as the record stood then",
                    example = "2026-01-01T00:00:00Z") @RestQuery String asOf,
            Request request) {
        CatalogEntry entry = entry(catalog, id, asOf);
        return withStrongTag(request, tagOf(entry), ProvisionViews.Detail.of(entry));
    }

    @GET
    @Path("/{id}/events")
    @Operation(summary = "Events of a provision in date order, filtered")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Event.class)))
    public Uni<RestResponse<Buffer>> events(
            @Parameter(example = "us-fsa-907") @RestPath String id,
            @Parameter(description = "events whose date may fall on or after this date (partial dates allowed)",
                    example = "2002") @RestQuery String from,
            @Parameter(description = "events whose date may fall on or before this date (partial dates allowed)",
                    example = "2025-12-31") @RestQuery String to,
            @Parameter(description = "event type", example = "WAIVER_EXTENSION") @RestQuery String type,
            @Parameter(description = "true: only events that changed the law", example = "true")
            @RestQuery String legalEffect,
            @Parameter(description = "record instant or date") @RestQuery String asOf,
            @RestQuery String limit, @RestQuery String cursor, UriInfo uri) {
        boolean rendered = catalog.find(id).map(EventsJson::rendered).orElse(true);
        return InMemoryReads.run(asOf == null && rendered, () -> {
            EventFilter filter = EventFilter.parse(from, to, type, legalEffect);
            CatalogEntry entry = entry(catalog, id, asOf);
            // The parameters name the page's events: none of their accepted values contains '|'.
            String selection = String.join("|", String.valueOf(from), String.valueOf(to), String.valueOf(type),
                    String.valueOf(legalEffect), String.valueOf(limit), String.valueOf(cursor));
            // The events' JSON comes from a cache of rendered events: the same bytes Jackson would write.
            RestResponse<Buffer> response = eventsJson.answer(entry, selection,
                    () -> Paging.slice(filter.select(entry.eventsInOrder()), limit, cursor, uri));
            response.getHeaders().putSingle(DATASET_VERSION, entry.datasetVersion());
            return response;
        });
    }

    @GET
    @Path("/{id}/events/{eventId}")
    @OwnETag
    @Operation(summary = "One event; its ETag is the one to send in If-Match when editing it")
    public RestResponse<Event> event(@Parameter(example = "us-fsa-907") @RestPath String id,
                                     @Parameter(example = "2025-08-08-presidential-memorandum") @RestPath String eventId,
                                     @RestQuery String asOf, Request request) {
        CatalogEntry entry = entry(catalog, id, asOf);
        Event event = entry.provision().event(eventId)
                .orElseThrow(() -> ApiException.unknownEvent(id, eventId));
        RestResponse<Event> response = withStrongTag(request, curation.eventTag(event), event);
        response.getHeaders().putSingle(DATASET_VERSION, entry.datasetVersion());
        return response;
    }

    /** The provision {@code id} as the record stood at {@code asOf}, or the 404 problem. */
    public static CatalogEntry entry(ProvisionCatalog catalog, String id, String asOf) {
        Instant instant = Params.asOf(asOf);
        return catalog.find(id, instant).orElseThrow(() -> instant == null ? ApiException.unknownProvision(id)
                : new ApiException(404, "unknown-provision", "Unknown provision",
                "Provision '" + id + "' did not exist in the record as of " + asOf + ".", null));
    }

    static String tagOf(CatalogEntry entry) {
        return Curation.provisionTag(entry.datasetVersion(), entry.versionNo());
    }

    private static <T> RestResponse<T> withStrongTag(Request request, String tag, T body) {
        EntityTag etag = new EntityTag(tag);
        var notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.NOT_MODIFIED).tag(etag).build();
        }
        return RestResponse.ResponseBuilder.ok(body).tag(etag).build();
    }

    /** The events filter shared by the JSON and CSV views. */
    public record EventFilter(PartialDate from, PartialDate to, EventType type, Boolean legalEffect) {

        public static EventFilter parse(String from, String to, String type, String legalEffect) {
            PartialDate f = Params.bound("from", from);
            PartialDate t = Params.bound("to", to);
            Params.checkOrder(from, f, t);
            return new EventFilter(f, t, Params.enumValue("type", type, EventType.class),
                    Params.bool("legalEffect", legalEffect));
        }

        public List<Event> apply(List<Event> events) {
            return select(events.stream().sorted(CatalogEntry.EVENT_ORDER).toList());
        }

        /** The matching events of a list already in {@link CatalogEntry#EVENT_ORDER}, in that order. */
        public List<Event> select(List<Event> inOrder) {
            if (from == null && to == null && type == null && legalEffect == null) {
                return inOrder;
            }
            return inOrder.stream()
                    .filter(e -> from == null || !e.date().latest().isBefore(from.earliest()))
                    .filter(e -> to == null || !e.date().earliest().isAfter(to.latest()))
                    .filter(e -> type == null || e.type() == type)
                    .filter(e -> legalEffect == null || legalEffect.equals(e.legalEffect()))
                    .toList();
        }
    }
}
