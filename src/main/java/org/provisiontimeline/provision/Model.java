package org.provisiontimeline.provision;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.provisiontimeline.status.Provision;
import org.provisiontimeline.status.Timeline;

/**
 * One bound provision and what is computed from it (timelines, events in order, rendered events): what the catalog
 * may let go of as a whole and bind again from the stored version ({@link ModelBudget}). Everything here may refer
 * to the provision's objects; what must outlive the model must not ({@link CatalogEntry#kept}).
 */
final class Model {

    final Provision provision;
    private final Map<String, Timeline> timelines = new ConcurrentHashMap<>();
    private final Map<String, Object> views = new ConcurrentHashMap<>();

    Model(Provision provision) {
        this.provision = provision;
    }

    Timeline timeline(String category) {
        Timeline cached = timelines.get(category);
        if (cached != null) {
            return cached;
        }
        Timeline t = Timeline.of(provision, category);   // throws for an unknown category, caching nothing
        timelines.putIfAbsent(category, t);
        return t;
    }

    boolean hasTimeline(String category) {
        return timelines.containsKey(category);
    }

    boolean hasView(String key) {
        return views.containsKey(key);
    }

    /** A view computed by {@code compute} on first use (at most a few times under a race). */
    <T> T view(String key, Supplier<T> compute) {
        return view(views, key, compute);
    }

    /**
     * The view {@code key} of {@code views}, computed by {@code compute} on first use. Not computeIfAbsent: that
     * would hold a lock of the map while a view renders, and a race only costs a rendering.
     */
    @SuppressWarnings("unchecked")
    static <T> T view(Map<String, Object> views, String key, Supplier<T> compute) {
        Object cached = views.get(key);
        if (cached == null) {
            cached = compute.get();
            Object raced = views.putIfAbsent(key, cached);
            cached = raced != null ? raced : cached;
        }
        return (T) cached;
    }

    int events() {
        return provision.events().size();
    }
}
