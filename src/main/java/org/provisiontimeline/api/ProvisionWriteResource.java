package org.provisiontimeline.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.provisiontimeline.importer.InvalidDocumentException;
import org.provisiontimeline.importer.ProvisionReader;
import org.provisiontimeline.importer.ValidationError;
import org.provisiontimeline.provision.CatalogEntry;
import org.provisiontimeline.provision.Curation;
import org.provisiontimeline.provision.ProvisionCatalog;
import org.provisiontimeline.provision.ProvisionVersion;
import org.provisiontimeline.status.Event;
import org.provisiontimeline.status.Provision;

/**
 * Editors' writes: create and replace provisions, add, replace and retract events, import bundles. Bodies go through
 * the same reader and validator as the data files; the concurrency and versioning rules live in {@link Curation}.
 */
@Path("/api/provisions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProvisionWriteResource {

    private final Curation curation;
    private final ProvisionCatalog catalog;
    private final ProvisionReader reader = new ProvisionReader();
    private final long maxBytes;

    ProvisionWriteResource(Curation curation, ProvisionCatalog catalog,
                           @ConfigProperty(name = "timeline.limits.max-document-bytes") long maxBytes) {
        this.curation = curation;
        this.catalog = catalog;
        this.maxBytes = maxBytes;
    }

    private byte[] read(InputStream body, String contentLength, String what) {
        return BoundedBody.read(body, contentLength, maxBytes, what);
    }

    @POST
    @EditorsOnly
    @Operation(summary = "Create a provision (with optional events); editors only")
    public RestResponse<ProvisionViews.Detail> create(InputStream body,
                                                      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length,
                                                      SecurityContext who) {
        Provision p = reader.readProvision(read(body, length, "a provision"));
        curation.create(p, editor(who));
        return detail(p.id(), 201);
    }

    @PUT
    @Path("/{id}")
    @EditorsOnly
    @Operation(summary = "Replace a provision; If-Match: the ETag of GET /api/provisions/{id}; editors only")
    public RestResponse<ProvisionViews.Detail> replace(@RestPath String id, InputStream body,
                                                       @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length,
                                                       @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                       SecurityContext who) {
        Provision p = reader.readProvision(read(body, length, "a provision"));
        if (!id.equals(p.id())) {
            throw new InvalidDocumentException(List.of(new ValidationError("/id",
                    "'" + p.id() + "' differs from the id in the path ('" + id + "'); ids are never renamed")));
        }
        curation.replace(id, p, ifMatch, editor(who));
        return detail(id, 200);
    }

    @POST
    @Path("/{id}/events")
    @EditorsOnly
    @Operation(summary = "Add an event; If-Match: the provision's ETag; editors only")
    public RestResponse<Event> addEvent(@RestPath String id, InputStream body,
                                        @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length,
                                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, SecurityContext who) {
        Event e = reader.readEvent(read(body, length, "an event"), current(id).provision());
        curation.addEvent(id, e, ifMatch, editor(who));
        return event(id, e.id(), 201);
    }

    @PUT
    @Path("/{id}/events/{eventId}")
    @EditorsOnly
    @Operation(summary = "Replace an event; If-Match: the event's ETag; editors only")
    public RestResponse<Event> replaceEvent(@RestPath String id, @RestPath String eventId, InputStream body,
                                            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length,
                                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, SecurityContext who) {
        Event e = reader.readEvent(read(body, length, "an event"), current(id).provision());
        if (!eventId.equals(e.id())) {
            throw new InvalidDocumentException(List.of(new ValidationError("/id",
                    "'" + e.id() + "' differs from the event id in the path ('" + eventId + "')")));
        }
        curation.replaceEvent(id, eventId, e, ifMatch, editor(who));
        return event(id, eventId, 200);
    }

    @DELETE
    @Path("/{id}/events/{eventId}")
    @EditorsOnly
    @Operation(summary = "Retract an event (a new version without it; history keeps it); If-Match: the event's ETag")
    public RestResponse<Void> retractEvent(@RestPath String id, @RestPath String eventId,
                                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, SecurityContext who) {
        curation.retractEvent(id, eventId, ifMatch, editor(who));
        CatalogEntry entry = current(id);
        return RestResponse.ResponseBuilder.<Void>create(RestResponse.Status.NO_CONTENT)
                .tag(new EntityTag(Curation.provisionTag(entry.datasetVersion(), entry.versionNo())))
                .header(ProvisionResource.DATASET_VERSION, entry.datasetVersion()).build();
    }

    CatalogEntry current(String id) {
        return catalog.find(id).orElseThrow(() -> ApiException.unknownProvision(id));
    }

    private RestResponse<ProvisionViews.Detail> detail(String id, int status) {
        CatalogEntry e = current(id);
        return RestResponse.ResponseBuilder.<ProvisionViews.Detail>create(status)
                .entity(ProvisionViews.Detail.of(e))
                .tag(new EntityTag(Curation.provisionTag(e.datasetVersion(), e.versionNo())))
                .header(ProvisionResource.DATASET_VERSION, e.datasetVersion())
                .location(URI.create("/api/provisions/" + id)).build();
    }

    private RestResponse<Event> event(String id, String eventId, int status) {
        CatalogEntry entry = current(id);
        Event e = entry.provision().event(eventId).orElseThrow(() -> ApiException.unknownEvent(id, eventId));
        return RestResponse.ResponseBuilder.<Event>create(status).entity(e)
                .tag(new EntityTag(curation.eventTag(e)))
                .header(ProvisionResource.DATASET_VERSION, entry.datasetVersion())
                .location(URI.create("/api/provisions/" + id + "/events/" + eventId)).build();
    }

    static String editor(SecurityContext who) {
        return who.getUserPrincipal().getName();
    }
}
