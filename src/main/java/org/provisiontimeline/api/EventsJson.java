package org.provisiontimeline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse;
import org.provisiontimeline.provision.CatalogEntry;
import org.provisiontimeline.status.Event;

/**
 * Event lists as JSON, from events rendered once per version instead of once per request (issue 15). Jackson writes
 * a list as {@code [}, its elements' JSON joined by commas, {@code ]}; so the first list asked of a version renders
 * each of its events once with the application's ObjectMapper, and later lists copy those bytes. The join of all the
 * version's events is compared with the mapper's rendering of the whole list, once: a mismatch (a change to how
 * events are written) renders per request, so the cache can miss but never serve other bytes. Bounded by
 * {@link AnswerCache}: past the bound, lists are rendered per request as before.
 */
@Singleton
class EventsJson {

    static final String VIEW = "events-json";

    /** Pages kept per version: analysts re-ask the same ranges; a bound, since every query is a new name. */
    static final int MAX_PAGES = 256;

    /** A version whose events are not kept: rendered per request. */
    private static final Rendered PER_REQUEST = new Rendered(Map.of(), null);

    private final ObjectMapper mapper;
    private final AnswerCache cache;

    EventsJson(ObjectMapper mapper, AnswerCache cache) {
        this.mapper = mapper;
        this.cache = cache;
    }

    /** Whether this version's events are kept rendered (not rendered per request: too large, or a mismatch). */
    static boolean kept(CatalogEntry entry) {
        return entry.hasView(VIEW) && entry.view(VIEW, () -> PER_REQUEST) != PER_REQUEST;
    }

    /** Whether the events of this version are rendered already (a list then costs copies only). */
    static boolean rendered(CatalogEntry entry) {
        return entry.hasView(VIEW);
    }

    /**
     * The answer to one list request. {@code selection} names the page (the same name, the same page of the same
     * version); {@code select} picks its events, and throws the problem of a bad parameter. The first page of a
     * version renders its events once; later pages copy their bytes. A page without a next page, asked again, is
     * served from the bytes kept for its name (up to {@link #MAX_PAGES} per version), without selecting anything.
     */
    RestResponse<Buffer> answer(CatalogEntry entry, String selection, Supplier<Paging.Page<Event>> select) {
        Rendered rendered = entry.view(VIEW, () -> render(entry.eventsInOrder()));
        KeptPage kept = rendered == PER_REQUEST ? null : rendered.pages.get(selection);
        if (kept != null) {
            return kept.answer();
        }
        Paging.Page<Event> page = select.get();
        byte[] joined = rendered == PER_REQUEST ? null : rendered.join(page.items());
        if (joined == null) {   // not kept, or events of another binding of the model (it was let go of meanwhile)
            joined = json(page.items());
        } else if (page.next() == null) {   // a page with a next page is not kept: its Link is the request's query
            kept = rendered.pages.keep(selection, joined, direct -> new KeptPage(direct, page.total()));
            if (kept != null) {
                return kept.answer();
            }
        }
        return page.answer(RestResponse.ResponseBuilder.ok(KeptBytes.forOneRequest(joined), StatusJson.MEDIA_TYPE));
    }

    private Rendered render(List<Event> all) {
        if (cache.full()) {
            return PER_REQUEST;
        }
        Map<Event, byte[]> json = new IdentityHashMap<>();
        long size = 0;
        for (Event e : all) {
            byte[] one = json(e);
            json.put(e, one);
            size += one.length;
        }
        Rendered rendered = new Rendered(json, null);
        byte[] whole = json(all);
        if (!Arrays.equals(whole, rendered.join(all))) {
            return PER_REQUEST;
        }
        Rendered kept = new Rendered(json, cache);
        return kept.account.reserve(size) ? kept : PER_REQUEST;
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render events", e);
        }
    }

    /** A page kept for its name: its JSON and the size of the whole selection ({@code X-Total-Count}). */
    private record KeptPage(Buffer json, int total) {

        RestResponse<Buffer> answer() {
            return RestResponse.ResponseBuilder.ok(json, StatusJson.MEDIA_TYPE).header("X-Total-Count", total).build();
        }
    }

    /** The JSON of each event of one version; its bytes count against the bound while the version is served. */
    private static final class Rendered {
        final Map<Event, byte[]> json;
        final KeptBytes.Shelf<KeptPage> pages;
        final AnswerCache.Account account;

        Rendered(Map<Event, byte[]> json, AnswerCache cache) {
            this.json = json;
            this.account = cache == null ? null : cache.open(this);
            this.pages = cache == null ? null : new KeptBytes.Shelf<>(cache, MAX_PAGES);
        }

        /** The total length of the events' JSON, or -1 if one of them is not rendered here. */
        int bytesFor(List<Event> events) {
            int n = 2 + events.size();
            for (Event e : events) {
                byte[] one = json.get(e);
                if (one == null) {
                    return -1;
                }
                n += one.length;
            }
            return n;
        }

        /**
         * The list's JSON; {@code null} if an event is not one of those rendered here (the model was let go of and
         * bound again between the caller's selection and this rendering: equal events, other objects).
         */
        byte[] join(List<Event> events) {
            int size = bytesFor(events);
            if (size < 0) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(size);
            out.write('[');
            for (int i = 0; i < events.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.writeBytes(json.get(events.get(i)));
            }
            out.write(']');
            return out.toByteArray();
        }
    }
}
