package org.provisiontimeline.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;
import org.provisiontimeline.importer.ProvisionReader;
import org.provisiontimeline.provision.CatalogEntry;
import org.provisiontimeline.provision.Curation;
import org.provisiontimeline.provision.ProvisionCatalog;
import org.provisiontimeline.provision.ProvisionVersion;
import org.provisiontimeline.status.Provision;

/** Atomic import of a bundle of provisions, in the shape of data/*.json. */
@Path("/api/import")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final Curation curation;
    private final ProvisionCatalog catalog;
    private final ProvisionReader reader = new ProvisionReader();
    private final long maxBytes;

    ImportResource(Curation curation, ProvisionCatalog catalog,
                   @ConfigProperty(name = "timeline.limits.max-import-bytes") long maxBytes) {
        this.curation = curation;
        this.catalog = catalog;
        this.maxBytes = maxBytes;
    }

    @POST
    @EditorsOnly
    @Operation(summary = "Import a bundle {\"provisions\": [ … ]} atomically; ?mode=replace to replace existing ones, "
            + "with If-Match listing the ETag of every provision it changes")
    public List<ImportResult> importBundle(InputStream body, @RestQuery String mode,
                                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length,
                                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, SecurityContext who) {
        boolean replace = switch (mode == null ? "create" : mode) {
            case "create" -> false;
            case "replace" -> true;
            default -> throw ApiException.badParameter("mode", mode, "create (default) or replace");
        };
        List<Provision> bundle = reader.readBundle(BoundedBody.read(body, length, maxBytes, "an import"));
        List<ProvisionVersion> written = curation.importBundle(bundle, replace, ifMatch,
                ProvisionWriteResource.editor(who));
        return bundle.stream().map(p -> {
            CatalogEntry e = catalog.find(p.id()).orElseThrow();
            boolean changed = written.stream().anyMatch(v -> v.provisionId.equals(p.id()));
            return new ImportResult(p.id(), changed ? "written" : "unchanged", e.versionNo(), e.datasetVersion());
        }).toList();
    }

    /** What an import did to one provision. */
    public record ImportResult(String id, String outcome, int versionNo, String datasetVersion) {
    }

}
