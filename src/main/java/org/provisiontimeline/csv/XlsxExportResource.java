package org.provisiontimeline.csv;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
 * Events and timeline as XLSX workbooks, by content negotiation or an {@code .xlsx} suffix, with the CSV exports'
 * columns and filters: for researchers who open the data in Excel or Calc and want it to sort and filter at once.
 */
@Path("/api/provisions")
public class XlsxExportResource {

    private final ProvisionCatalog catalog;

    XlsxExportResource(ProvisionCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/{id}/events")
    @Produces(XlsxTable.MEDIA_TYPE)
    @Operation(summary = "Events as an XLSX workbook (Accept: " + XlsxTable.MEDIA_TYPE + "); same filters")
    public RestResponse<StreamingOutput> events(@RestPath String id, @RestQuery String from, @RestQuery String to,
                                                @RestQuery String type, @RestQuery String legalEffect,
                                                @RestQuery String asOf) {
        EventFilter filter = EventFilter.parse(from, to, type, legalEffect);
        CatalogEntry entry = ProvisionResource.entry(catalog, id, asOf);
        List<Exports.EventRow> rows = filter.apply(entry.provision().events()).stream()
                .map(e -> new Exports.EventRow(id, entry.datasetVersion(), e)).toList();
        return xlsx(out -> XlsxTable.write(Exports.EVENTS, rows, "events", out),
                id + "_events_" + entry.datasetVersion());
    }

    @GET
    @Path("/{id}/events.xlsx")
    @Produces(XlsxTable.MEDIA_TYPE)
    @Operation(summary = "Events as an XLSX workbook; same filters as the JSON list")
    public RestResponse<StreamingOutput> eventsXlsx(@RestPath String id, @RestQuery String from,
                                                    @RestQuery String to, @RestQuery String type,
                                                    @RestQuery String legalEffect, @RestQuery String asOf) {
        return events(id, from, to, type, legalEffect, asOf);
    }

    @GET
    @Path("/{id}/timeline")
    @Produces(XlsxTable.MEDIA_TYPE)
    @Operation(summary = "Timeline intervals as an XLSX workbook (Accept: " + XlsxTable.MEDIA_TYPE + ")")
    public RestResponse<StreamingOutput> timeline(@RestPath String id, @RestQuery String from, @RestQuery String to,
                                                  @RestQuery String category, @RestQuery String asOf) {
        TimelineRange range = TimelineRange.parse(from, to);
        CatalogEntry entry = ProvisionResource.entry(catalog, id, asOf);
        String cat = Params.category(entry, category);
        List<Exports.IntervalRow> rows = range.of(entry.timeline(cat)).stream()
                .map(i -> new Exports.IntervalRow(id, cat, entry.datasetVersion(), i)).toList();
        return xlsx(out -> XlsxTable.write(Exports.TIMELINE, rows, "timeline", out),
                id + "_timeline_" + cat + "_" + entry.datasetVersion());
    }

    @GET
    @Path("/{id}/timeline.xlsx")
    @Produces(XlsxTable.MEDIA_TYPE)
    @Operation(summary = "Timeline intervals as an XLSX workbook")
    public RestResponse<StreamingOutput> timelineXlsx(@RestPath String id, @RestQuery String from,
                                                      @RestQuery String to, @RestQuery String category,
                                                      @RestQuery String asOf) {
        return timeline(id, from, to, category, asOf);
    }

    private static RestResponse<StreamingOutput> xlsx(StreamingOutput body, String fileStem) {
        return RestResponse.ResponseBuilder.ok(body, XlsxTable.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileStem + ".xlsx\"")
                .build();
    }
}
