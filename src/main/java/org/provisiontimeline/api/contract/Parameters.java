package org.provisiontimeline.api.contract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Parameters typed as what they are. The resources take every query parameter as a String so that a bad value gets
 * a 400 problem naming it (see {@code Params}); the contract declares the type the server actually accepts, by the
 * parameter's name, which means the same thing on every operation of this API.
 */
final class Parameters {

    /** Parameters only the download (CSV, …) variant of a negotiated operation accepts; the JSON one refuses them. */
    static final Set<String> DOWNLOAD_ONLY = Set.of("bom");

    /** Parameters of the batch that only a CSV body takes. */
    static final Set<String> CSV_BODY_ONLY = Set.of("bom", "column", "neutralise");

    /** Headers that are HTTP framing, not arguments: a generated client must not expose (or try to set) them. */
    private static final Set<String> FRAMING_HEADERS = Set.of("Content-Length");

    static final String RECORD_INSTANT = "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$";

    private Parameters() {
    }

    static void type(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        List<Parameter> kept = new ArrayList<>();
        for (Parameter p : operation.getParameters()) {
            if (p.getIn() == Parameter.In.HEADER && FRAMING_HEADERS.contains(p.getName())) {
                continue;
            }
            type(p);
            kept.add(p);
        }
        operation.setParameters(kept);
    }

    private static void type(Parameter p) {
        switch (p.getName()) {
            case "limit" -> {
                p.setSchema(OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(1000)).defaultValue(500));
                describe(p, "page size, 1–1000 (default 500)");
                p.setExample(p.getExample() == null ? null : Integer.valueOf(p.getExample().toString()));
            }
            case "cursor" -> describe(p, "opaque cursor: copy it from the Link rel=\"next\" header of the previous page");
            case "legalEffect", "strict", "bom", "neutralise" -> {
                p.setSchema(OASFactory.createSchema().addType(SchemaType.BOOLEAN));
                p.setExample(p.getExample() == null ? null : Boolean.valueOf(p.getExample().toString()));
            }
            case "from", "to" -> p.setSchema(OASFactory.createSchema().ref(Schemas.PARTIAL_DATE));
            case "date" -> p.setSchema(OASFactory.createSchema().addType(SchemaType.STRING).format("date"));
            case "asOf", "since" -> {
                p.setSchema(OASFactory.createSchema().addType(SchemaType.STRING).pattern(RECORD_INSTANT));
                describe(p, "record instant: RFC 3339 (2026-01-01T00:00:00Z) or a date YYYY-MM-DD");
            }
            case "type" -> p.setSchema(OASFactory.createSchema().ref("EventType"));
            case "mode" -> {
                p.setSchema(OASFactory.createSchema().addType(SchemaType.STRING)
                        .enumeration(List.of("create", "replace")).defaultValue("create"));
                describe(p, "create (default): refuse provisions that exist (409); replace: write new versions of them");
            }
            case "versionNo" -> {
                p.setSchema(OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.ONE));
                describe(p, "version number, from 1 (see the history list)");
            }
            case "If-Match" -> {
                p.setRequired(true);
                describe(p, "the ETag of the thing being changed, from its GET (or the previous write): a missing "
                        + "If-Match is refused with 428, a stale one with 412");
            }
            default -> {
                // typed by the scanner already (path ids, category, column: plain strings)
            }
        }
    }

    private static void describe(Parameter p, String description) {
        if (p.getDescription() == null || p.getDescription().isBlank()) {
            p.setDescription(description);
        }
    }
}
