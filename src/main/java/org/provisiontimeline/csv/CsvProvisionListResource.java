package org.provisiontimeline.csv;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.provisiontimeline.provision.CatalogEntry;
import org.provisiontimeline.provision.ProvisionCatalog;
import org.provisiontimeline.status.Category;
import org.provisiontimeline.status.Provision;
import org.provisiontimeline.status.StatusAnswer;

/** The provision list as CSV: one row per provision with its status today. */
@Path("/api")
public class CsvProvisionListResource {

    private final ProvisionCatalog catalog;
    private final Clock clock;

    CsvProvisionListResource(ProvisionCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @GET
    @Path("/provisions.csv")
    @Produces("text/csv")
    @Operation(summary = "Provisions as CSV, one row each with today's status")
    public RestResponse<StreamingOutput> provisionsCsv(@RestQuery String bom) {
        boolean withBom = CsvExportResource.bom(bom);
        LocalDate today = LocalDate.now(clock);
        List<Exports.ProvisionRow> rows = catalog.all().stream().map(e -> row(e, today)).toList();
        return CsvExportResource.csv(out -> Exports.PROVISIONS.write(rows, out, withBom),
                "provisions_" + catalog.fingerprint(), withBom);
    }

    @GET
    @Path("/provisions.csv-metadata.json")
    @Produces({"application/csvm+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "CSVW (W3C Tabular Metadata) description of provisions.csv")
    public Map<String, Object> provisionsMetadata() {
        return Exports.PROVISIONS.csvw("provisions.csv");
    }

    /** One provision's row, kept with its entry for the day (a large catalog need not bind every model, issue 15). */
    static Exports.ProvisionRow row(CatalogEntry e, LocalDate today) {
        return e.keptFor("csv-row", today, () -> makeRow(e, today));
    }

    private static Exports.ProvisionRow makeRow(CatalogEntry e, LocalDate today) {
        Provision p = e.provision();
        StatusAnswer a = e.timeline(Category.GENERAL).answer(today);
        return new Exports.ProvisionRow(p.id(), p.title(), p.shortTitle(), p.citation(), p.jurisdiction(),
                p.target(), String.valueOf(p.checkedThrough()), p.events().size(), today.toString(), a.state(),
                a.restricted(), a.since(), a.until(), a.confidence().name(), e.datasetVersion());
    }
}
