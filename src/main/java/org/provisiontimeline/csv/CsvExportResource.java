package org.provisiontimeline.csv;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.provisiontimeline.api.Params;
import org.provisiontimeline.api.ProvisionResource;
import org.provisiontimeline.api.ProvisionResource.EventFilter;
import org.provisiontimeline.api.TimelineRange;
import org.provisiontimeline.provision.CatalogEntry;
import org.provisiontimeline.provision.ProvisionCatalog;

/**
 * Events and timeline as CSV, by content negotiation ({@code Accept: text/csv}) or a {@code .csv} suffix, with the
 * same filters as the JSON views, and their CSVW metadata next to them.
 */
@Path("/api/provisions")
public class CsvExportResource {

    private final ProvisionCatalog catalog;
    private final CsvProvisionListResource list;

    CsvExportResource(ProvisionCatalog catalog, CsvProvisionListResource list) {
        this.catalog = catalog;
        this.list = list;
    }

    @GET
    @Produces("text/csv")
    @Operation(summary = "Provisions as CSV (Accept: text/csv), one row each with today's status")
    public RestResponse<StreamingOutput> provisions(@RestQuery String bom) {
        return list.provisionsCsv(bom);
    }

    @GET
    @Path("/{id}/events")
    @Produces("text/csv")
    @Operation(summary = "Events as CSV (Accept: text/csv); same filters as the JSON list")
    public RestResponse<StreamingOutput> events(@RestPath String id, @RestQuery String from, @RestQuery String to,
                                                @RestQuery String type, @RestQuery String legalEffect,
                                                @RestQuery String asOf,
                                                @Parameter(description = "true: start with a UTF-8 BOM (Excel)")
                                                @RestQuery String bom) {
        EventFilter filter = EventFilter.parse(from, to, type, legalEffect);
        boolean withBom = bom(bom);
        CatalogEntry entry = ProvisionResource.entry(catalog, id, asOf);
        List<Exports.EventRow> rows = filter.apply(entry.provision().events()).stream()
                .map(e -> new Exports.EventRow(id, entry.datasetVersion(), e)).toList();
        return csv(out -> Exports.EVENTS.write(rows, out, withBom), id + "_events_" + entry.datasetVersion(),
                withBom);
    }

    @GET
    @Path("/{id}/events.csv")
    @Produces("text/csv")
    @Operation(summary = "Events as CSV; same filters as the JSON list")
    public RestResponse<StreamingOutput> eventsCsv(@RestPath String id, @RestQuery String from, @RestQuery String to,
                                                   @RestQuery String type, @RestQuery String legalEffect,
                                                   @RestQuery String asOf, @RestQuery String bom) {
        return events(id, from, to, type, legalEffect, asOf, bom);
    }

    @GET
    @Path("/{id}/timeline")
    @Produces("text/csv")
    @Operation(summary = "Timeline intervals as CSV (Accept: text/csv)")
    public RestResponse<StreamingOutput> timeline(@RestPath String id, @RestQuery String from, @RestQuery String to,
                                                  @RestQuery String category, @RestQuery String asOf,
                                                  @RestQuery String bom) {
        TimelineRange range = TimelineRange.parse(from, to);
        boolean withBom = bom(bom);
        CatalogEntry entry = ProvisionResource.entry(catalog, id, asOf);
        String cat = Params.category(entry, category);
        List<Exports.IntervalRow> rows = range.of(entry.timeline(cat)).stream()
                .map(i -> new Exports.IntervalRow(id, cat, entry.datasetVersion(), i)).toList();
        return csv(out -> Exports.TIMELINE.write(rows, out, withBom),
                id + "_timeline_" + cat + "_" + entry.datasetVersion(), withBom);
    }

    @GET
    @Path("/{id}/timeline.csv")
    @Produces("text/csv")
    @Operation(summary = "Timeline intervals as CSV")
    public RestResponse<StreamingOutput> timelineCsv(@RestPath String id, @RestQuery String from,
                                                     @RestQuery String to, @RestQuery String category,
                                                     @RestQuery String asOf, @RestQuery String bom) {
        return timeline(id, from, to, category, asOf, bom);
    }

    @GET
    @Path("/{id}/events.csv-metadata.json")
    @Produces({"application/csvm+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "CSVW (W3C Tabular Metadata) description of events.csv")
    public Map<String, Object> eventsMetadata(@RestPath String id) {
        ProvisionResource.entry(catalog, id, null);
        return Exports.EVENTS.csvw("events.csv");
    }

    @GET
    @Path("/{id}/timeline.csv-metadata.json")
    @Produces({"application/csvm+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "CSVW (W3C Tabular Metadata) description of timeline.csv")
    public Map<String, Object> timelineMetadata(@RestPath String id) {
        ProvisionResource.entry(catalog, id, null);
        return Exports.TIMELINE.csvw("timeline.csv");
    }

    static boolean bom(String value) {
        return Boolean.TRUE.equals(Params.bool("bom", value));
    }

    /**
     * A streamed CSV download with the media type, and a file name carrying provision and dataset version; the BOM
     * variant is named {@code …-excel.csv}, so both can be kept side by side ({@code curl -OJ} will not overwrite).
     */
    static RestResponse<StreamingOutput> csv(StreamingOutput body, String fileStem, boolean bom) {
        return RestResponse.ResponseBuilder.ok(body, CsvTable.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileStem + (bom ? "-excel" : "")
                        + ".csv\"")
                .build();
    }
}
