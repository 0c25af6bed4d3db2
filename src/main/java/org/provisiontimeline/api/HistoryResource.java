package org.provisiontimeline.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestPath;
import org.provisiontimeline.provision.ProvisionStore;
import org.provisiontimeline.provision.ProvisionVersion;

/** Record-time history: every version of a provision, and any version's whole document. */
@Path("/api/provisions")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    private final ProvisionStore store;

    HistoryResource(ProvisionStore store) {
        this.store = store;
    }

    /** One version, without its document. */
    public record VersionView(long seq, String provisionId, int versionNo, Instant recordedAt, String recordedBy,
                              String origin, String changeKind, String summary, String datasetVersion) {
        static VersionView of(ProvisionVersion v) {
            return new VersionView(v.seq, v.provisionId, v.versionNo, v.recordedAt, v.recordedBy, v.origin.name(),
                    v.changeKind.name(), v.summary, v.contentHash.substring(0, 12));
        }
    }

    @GET
    @OwnETag
    @Path("/{id}/history")
    @Operation(summary = "Every version of a provision: who, when, what changed")
    public List<VersionView> history(@Parameter(example = "us-fsa-907") @RestPath String id) {
        List<ProvisionVersion> versions = QuarkusTransaction.requiringNew().call(() -> ProvisionVersion.history(id));
        if (versions.isEmpty()) {
            throw ApiException.unknownProvision(id);
        }
        return versions.stream().map(VersionView::of).toList();
    }

    @GET
    @OwnETag
    @Path("/{id}/history/{versionNo}")
    @Operation(summary = "The whole provision document as it was in one version (the previous value of a change)")
    public ProvisionViews.Detail version(@RestPath String id, @RestPath String versionNo) {
        int n;
        try {
            n = Integer.parseInt(versionNo);
        } catch (NumberFormatException e) {
            throw new ApiException(404, "unknown-version", "Unknown version",
                    "'" + versionNo + "' is not a version number of provision '" + id + "'.", null);
        }
        ProvisionVersion v = QuarkusTransaction.requiringNew().call(() -> ProvisionVersion.numbered(id, n))
                .orElseThrow(() -> new ApiException(404, "unknown-version", "Unknown version",
                        "Provision '" + id + "' has no version " + versionNo + "; GET /api/provisions/" + id
                                + "/history lists them.", null));
        return new ProvisionViews.Detail(store.parse(v.document), v.contentHash.substring(0, 12), v.versionNo,
                v.recordedAt);
    }
}
