package org.provisiontimeline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

    /** Joined lists kept per version: analysts re-ask the same ranges; a bound, since every query is a new name. */
    static final int MAX_LISTS = 256;

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
     * The JSON of {@code events}, a selection of {@code entry.eventsInOrder()}: what Jackson writes for the list.
     * {@code selection} names the selection (the same name, the same events); the joined bytes of up to
     * {@link #MAX_LISTS} selections per version are kept too, so a list asked again is not even joined.
     */
    byte[] of(CatalogEntry entry, String selection, List<Event> events) {
        Rendered rendered = entry.view(VIEW, () -> render(entry.eventsInOrder()));
        if (rendered == PER_REQUEST) {
            return json(events);
        }
        byte[] kept = rendered.lists.get(selection);
        if (kept != null) {
            return kept;
        }
        byte[] joined = rendered.join(events);
        if (joined == null) {   // events of another binding of the model (it was let go of meanwhile)
            return json(events);
        }
        if (rendered.lists.size() < MAX_LISTS && rendered.account.reserve(joined.length)
                && rendered.lists.putIfAbsent(selection, joined) != null) {
            rendered.account.release(joined.length);   // another request kept it first
        }
        return joined;
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

    /** The JSON of each event of one version; its bytes count against the bound while the version is served. */
    private static final class Rendered {
        final Map<Event, byte[]> json;
        final Map<String, byte[]> lists = new java.util.concurrent.ConcurrentHashMap<>();
        final AnswerCache.Account account;

        Rendered(Map<Event, byte[]> json, AnswerCache cache) {
            this.json = json;
            this.account = cache == null ? null : cache.open(this);
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
