package org.provisiontimeline.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import org.provisiontimeline.provision.CatalogEntry;
import org.provisiontimeline.provision.ProvisionCatalog;
import org.provisiontimeline.provision.ProvisionStore;
import org.provisiontimeline.provision.ProvisionVersion;

/**
 * Backups: every provision as one bundle in the {@code POST /api/import} shape, so restoring is one import into an
 * empty instance. The bundle is the current dataset, public like every answer made from it; the version history
 * (who changed what) is for editors, on its own path, and is not part of the importable bundle.
 */
@Path("/api/export")
public class ExportResource {

    private final ProvisionCatalog catalog;

    ExportResource(ProvisionCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every provision as one {\"provisions\": [ … ]} bundle: a backup that POST /api/import restores")
    public RestResponse<String> bundle() {
        // The stored canonical JSON is the data-file shape the importer reads, so it is copied, not re-mapped:
        // what is restored is byte for byte what was stored. One catalog snapshot, so the bundle is consistent.
        String body = catalog.all().stream().map(CatalogEntry::provision).map(ProvisionStore::canonicalJson)
                .collect(Collectors.joining(",\n", "{\"provisions\": [\n", "\n]}\n"));
        return RestResponse.ResponseBuilder.ok(body).header("Content-Disposition",
                "attachment; filename=\"provision-timeline-" + Instant.now().toString().substring(0, 10) + ".json\"")
                .build();
    }

    @GET
    @EditorsOnly
    @Path("/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every version of every provision, oldest first, with its whole document (editors only)")
    public List<VersionRecord> history() {
        return QuarkusTransaction.requiringNew().call(() -> ProvisionVersion.feed(0, Instant.EPOCH, Integer.MAX_VALUE))
                .stream().map(v -> new VersionRecord(HistoryResource.VersionView.of(v), v.document)).toList();
    }

    /** One version and the document it recorded (canonical JSON, as stored). */
    public record VersionRecord(HistoryResource.VersionView version, String document) {
    }
}
