package org.provisiontimeline.api.contract;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Makes {@code /q/openapi} say what the API really does, so a client generated from it works unpatched. The scanner
 * sees Java signatures (every query parameter a String, so that a bad value gets our 400 problem, and CSV bodies as
 * {@code StreamingOutput}); this filter replaces that with the wire contract: partial dates as strings, nullable
 * fields, typed parameters, the problem answers, security, headers, operation ids and tags. What it knows per
 * operation lives in {@link Operations}; per schema in {@link Schemas}. It runs when the document is built (also at
 * build time, where the stored copy the test suite generates its client from is written).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    static final String JSON = "application/json";
    static final String CSV = "text/csv";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Schemas.declare(openAPI.getComponents());
        Problems.declare(openAPI.getComponents());
        openAPI.getComponents().addSecurityScheme(Operations.EDITOR_SCHEME, OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP).scheme("basic")
                .description("An editor's account (user 'editor' with TIMELINE_EDITOR_PASSWORD, or a named account "
                        + "from TIMELINE_EDITOR_ACCOUNTS). Without any password configured, writes answer 403."));
        openAPI.setServers(List.of(OASFactory.createServer().url("/")
                .description("the instance serving this document")));
        openAPI.setTags(Operations.tags());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> contract(path, method, operation)));
    }

    private static void contract(String path, PathItem.HttpMethod method, Operation operation) {
        negotiatedJsonOnly(operation);
        Parameters.type(operation);
        csvAsText(operation);
        csvBodyOnlyParameters(operation);
        Operations.Entry entry = Operations.find(method.name(), path);
        if (entry == null) {
            // Not in the table yet: ContractLintTest fails on the missing operationId/tag, which is the reminder.
            return;
        }
        entry.applyTo(operation);
    }

    /**
     * A GET that answers JSON and also, by {@code Accept}, CSV (or another download format) is one operation to
     * OpenAPI, with one parameter list: the union of both Java methods. The JSON method refuses the download-only
     * parameters ({@code bom}), and a generated client would send {@code Accept: application/json, text/csv} and
     * could get CSV back. So the negotiated operation is declared as its JSON answer only; the download formats are
     * declared by their own {@code .csv} (…) operations, which take exactly those parameters.
     */
    private static void negotiatedJsonOnly(Operation operation) {
        APIResponse ok = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse("200");
        if (ok == null || ok.getContent() == null || ok.getContent().getMediaType(JSON) == null
                || ok.getContent().getMediaTypes().size() < 2 || operation.getRequestBody() != null) {
            return;
        }
        Map<String, MediaType> kept = new LinkedHashMap<>();
        ok.getContent().getMediaTypes().forEach((type, media) -> {
            if (type.equals(JSON) || type.endsWith("+json")) {
                kept.put(type, media);
            }
        });
        if (kept.size() == ok.getContent().getMediaTypes().size()) {
            return;
        }
        ok.getContent().setMediaTypes(kept);
        if (operation.getParameters() != null) {
            operation.setParameters(new ArrayList<>(operation.getParameters().stream()
                    .filter(p -> !Parameters.DOWNLOAD_ONLY.contains(p.getName())).toList()));
        }
    }

    /**
     * The batch is one operation with two bodies; the parameters that only shape CSV are refused (400) with a JSON
     * body, which the contract cannot express per media type, so their descriptions say it.
     */
    private static void csvBodyOnlyParameters(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                || operation.getRequestBody().getContent().getMediaType(CSV) == null
                || operation.getRequestBody().getContent().getMediaType(JSON) == null
                || operation.getParameters() == null) {
            return;
        }
        operation.getParameters().stream().filter(p -> Parameters.CSV_BODY_ONLY.contains(p.getName()))
                .forEach(p -> p.setDescription("CSV bodies only (with a JSON body it is refused, 400). "
                        + (p.getDescription() == null ? "" : p.getDescription())));
    }

    /**
     * CSV bodies are text: a generated client must hand them over as text or a file, never parse them as JSON.
     * Answers are {@code format: binary}, the conventional download declaration: openapi-generator's Java clients
     * read only {@code text/plain} into a String and would run any other {@code text/*} string through Jackson,
     * while a binary string becomes a {@code File} (a Blob in TypeScript, bytes in Python). Request bodies stay
     * plain strings, which every generator posts as they are.
     */
    private static void csvAsText(Operation operation) {
        if (operation.getResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(r -> textSchemas(r.getContent(), true));
        }
        if (operation.getRequestBody() != null) {
            textSchemas(operation.getRequestBody().getContent(), false);
        }
    }

    /** Answers a client saves as a file rather than parses: CSV, the SVG picture, XLSX workbooks. */
    static boolean isDownload(String mediaType) {
        return mediaType.startsWith("text/") || mediaType.startsWith("image/") || mediaType.contains("spreadsheetml");
    }

    private static void textSchemas(Content content, boolean download) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((type, media) -> {
            if (download ? isDownload(type) : type.startsWith("text/")) {
                Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
                media.setSchema(download ? text.format("binary").description("the " + type + " document")
                        : text);
            }
        });
    }
}
