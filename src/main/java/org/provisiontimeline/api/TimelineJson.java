package org.provisiontimeline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Singleton;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse;
import org.provisiontimeline.provision.CatalogEntry;

/**
 * Timeline answers as JSON, rendered once per version and request instead of once per request (issue 15): Jackson
 * writing the intervals was a fifth of the timeline path. An answer depends only on the version and the request's
 * category and range, so its bytes, rendered by the application's ObjectMapper, are kept under that name, up to
 * {@link #MAX_ANSWERS} per version and within {@link AnswerCache}'s bound; past either, answers are rendered per
 * request as before.
 */
@Singleton
class TimelineJson {

    static final String VIEW = "timeline-json";

    /** Answers kept per version: analysts re-ask the same ranges; a bound, since every range is a new name. */
    static final int MAX_ANSWERS = 256;

    private final ObjectMapper mapper;
    private final AnswerCache cache;

    TimelineJson(ObjectMapper mapper, AnswerCache cache) {
        this.mapper = mapper;
        this.cache = cache;
    }

    /**
     * The answer named {@code name} (category and range as asked) of the current version {@code entry}; {@code view}
     * makes it when it is not kept.
     */
    RestResponse<Buffer> answer(CatalogEntry entry, String name, Supplier<ProvisionViews.TimelineView> view) {
        KeptBytes.Shelf<Buffer> kept = entry.view(VIEW, () -> new KeptBytes.Shelf<>(cache, MAX_ANSWERS));
        Buffer json = kept.get(name);
        if (json == null) {
            byte[] rendered = render(view.get());
            json = kept.keep(name, rendered, direct -> direct);
            if (json == null) {
                json = KeptBytes.forOneRequest(rendered);
            }
        }
        return RestResponse.ResponseBuilder.ok(json, StatusJson.MEDIA_TYPE).build();
    }

    /** An answer of a past version ({@code asOf}), rendered per request: such versions come and go. */
    RestResponse<Buffer> answer(ProvisionViews.TimelineView view) {
        return RestResponse.ResponseBuilder.ok(KeptBytes.forOneRequest(render(view)), StatusJson.MEDIA_TYPE).build();
    }

    private byte[] render(ProvisionViews.TimelineView view) {
        try {
            return mapper.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a timeline", e);
        }
    }
}
