package org.provisiontimeline.provision;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.provisiontimeline.status.Event;
import org.provisiontimeline.status.Provision;
import org.provisiontimeline.status.Timeline;

/**
 * One provision as the service answers from it: a version of the document, its dataset version (content hash) and
 * its timelines, computed once per category and reused by every request until the next write.
 *
 * @param document the provision, bound from the stored document on first use (a start does not bind every document
 *                 before it answers)
 * @param views what readers derive from this version (events in date order, rendered answers), computed on first use
 *              and dropped with the entry, so nothing derived outlives the version it came from
 */
public record CatalogEntry(String id, ParsedOnFirstUse document, String datasetVersion, int versionNo,
                           Instant recordedAt, Map<String, Timeline> timelines, Map<String, Object> views) {

    /** The order events are listed in: by date, then id (ids are unique, so the order is total). */
    public static final Comparator<Event> EVENT_ORDER = Comparator.comparing(Event::date).thenComparing(Event::id);

    static CatalogEntry of(Provision provision, String contentHash, int versionNo, Instant recordedAt) {
        return of(provision.id(), ParsedOnFirstUse.parsed(provision), contentHash, versionNo, recordedAt);
    }

    /** An entry whose stored document is bound on first use ({@link ParsedOnFirstUse}). */
    static CatalogEntry of(String id, ParsedOnFirstUse document, String contentHash, int versionNo,
                           Instant recordedAt) {
        return new CatalogEntry(id, document, contentHash.substring(0, 12), versionNo, recordedAt,
                new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    /** The provision of this version (bound from its stored document on first use). */
    public Provision provision() {
        return document.get();
    }

    /** Whether the provision is bound already, so asking for it costs no work. */
    public boolean isParsed() {
        return document.isParsed();
    }

    /**
     * The timeline for a category.
     *
     * @throws IllegalArgumentException if the provision has no such category
     */
    public Timeline timeline(String category) {
        Timeline cached = timelines.get(category);
        if (cached != null) {
            return cached;
        }
        Timeline t = Timeline.of(provision(), category);   // throws for an unknown category, caching nothing
        timelines.putIfAbsent(category, t);
        return t;
    }

    /** Whether the timeline of {@code category} is built already, so asking for it costs no work. */
    public boolean hasTimeline(String category) {
        return timelines.containsKey(category);
    }

    /** Whether {@link #view} has computed {@code key} already, so asking for it costs no work. */
    public boolean hasView(String key) {
        return views.containsKey(key);
    }

    /** The events in {@link #EVENT_ORDER}, sorted once per version instead of once per request. */
    public List<Event> eventsInOrder() {
        return view("events-in-order", () -> provision().events().stream().sorted(EVENT_ORDER).toList());
    }

    /** A view of this version, computed by {@code compute} on first use (at most a few times under a race). */
    @SuppressWarnings("unchecked")
    public <T> T view(String key, Supplier<T> compute) {
        Object cached = views.get(key);
        if (cached == null) {
            cached = compute.get();
            Object raced = views.putIfAbsent(key, cached);
            cached = raced != null ? raced : cached;
        }
        return (T) cached;
    }
}
