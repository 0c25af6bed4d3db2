package org.provisiontimeline.provision;

import java.time.Instant;
import java.time.LocalDate;
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
 * what is computed from it, once per version and reused by every request until the next write.
 * <p>
 * Two tiers. The model ({@link #provision}, {@link #timeline}, {@link #view}) is bound from the stored document on
 * first use, and a large catalog may let go of it and bind it again ({@link ModelBudget}): what it computes may refer
 * to the provision's objects, and is dropped with it. What is {@link #kept} stays with the entry, so it must not
 * refer to the model: the status answers rendered from it, which then need no model at all (issue 15).
 *
 * @param document the provision, bound from the stored document on first use
 * @param kept     views kept for as long as the entry, whatever happens to its model; dropped with the entry, so
 *                 nothing derived outlives the version it came from
 */
public record CatalogEntry(String id, ParsedOnFirstUse document, String datasetVersion, int versionNo,
                           Instant recordedAt, Map<String, Object> kept) {

    /** The order events are listed in: by date, then id (ids are unique, so the order is total). */
    public static final Comparator<Event> EVENT_ORDER = Comparator.comparing(Event::date).thenComparing(Event::id);

    static CatalogEntry of(Provision provision, String contentHash, int versionNo, Instant recordedAt) {
        return of(provision.id(), ParsedOnFirstUse.parsed(provision), contentHash, versionNo, recordedAt);
    }

    /** An entry whose stored document is bound on first use ({@link ParsedOnFirstUse}). */
    static CatalogEntry of(String id, ParsedOnFirstUse document, String contentHash, int versionNo,
                           Instant recordedAt) {
        return new CatalogEntry(id, document, contentHash.substring(0, 12), versionNo, recordedAt,
                new ConcurrentHashMap<>());
    }

    /** The provision of this version (bound from its stored document if it is not in memory). */
    public Provision provision() {
        return document.get();
    }

    /** Whether the provision is in memory, so asking for it costs no work. */
    public boolean isParsed() {
        return document.isParsed();
    }

    /** Whether the provision declares {@code category} (known without the model once it was bound). */
    public boolean declares(String category) {
        return document.categoryIds().contains(category);
    }

    /**
     * The timeline for a category.
     *
     * @throws IllegalArgumentException if the provision has no such category
     */
    public Timeline timeline(String category) {
        return document.model().timeline(category);
    }

    /** Whether the timeline of {@code category} is in memory, so asking for it costs no work. */
    public boolean hasTimeline(String category) {
        Model m = document.ifBound();
        return m != null && m.hasTimeline(category);
    }

    /** Whether {@link #view} has {@code key} in memory, so asking for it costs no work. */
    public boolean hasView(String key) {
        Model m = document.ifBound();
        return m != null && m.hasView(key);
    }

    /** The events in {@link #EVENT_ORDER}, sorted once per bound model instead of once per request. */
    public List<Event> eventsInOrder() {
        Model m = document.model();   // the events of this model, whatever happens to the entry's model meanwhile
        return m.view("events-in-order", () -> m.provision.events().stream().sorted(EVENT_ORDER).toList());
    }

    /**
     * A view of the model, computed by {@code compute} on first use (at most a few times under a race). It may
     * refer to the model's objects: it is dropped with the model, and computed again when the model is bound again.
     */
    public <T> T view(String key, Supplier<T> compute) {
        return document.model().view(key, compute);
    }

    /**
     * A view kept for as long as this entry, computed by {@code compute} on first use. It must not refer to the
     * model (the provision, its events, its timelines), or letting go of the model would free nothing.
     */
    public <T> T kept(String key, Supplier<T> compute) {
        return Model.view(kept, key, compute);
    }

    /**
     * A kept view that holds for one day ({@code today}'s status in a list line): made by {@code make} on the first
     * request of each day, and replaced then. The same rule: it must not refer to the model (a few of its values,
     * strings and dates, are fine: they hold nothing else).
     */
    @SuppressWarnings("unchecked")
    public <T> T keptFor(String key, LocalDate today, Supplier<T> make) {
        Object cached = kept.get(key);
        if (cached instanceof OfDay<?> ofDay && ofDay.day().equals(today)) {
            return (T) ofDay.value();
        }
        T made = make.get();
        kept.put(key, new OfDay<>(today, made));
        return made;
    }

    private record OfDay<T>(LocalDate day, T value) {
    }

    /** The kept view {@code key} if it is computed, else {@code null}. */
    @SuppressWarnings("unchecked")
    public <T> T keptIfPresent(String key) {
        return (T) kept.get(key);
    }
}
