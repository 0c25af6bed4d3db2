package org.provisiontimeline.provision;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.provisiontimeline.status.Provision;
import org.provisiontimeline.status.Timeline;

/**
 * One provision as the service answers from it: a version of the document, its dataset version (content hash) and
 * its timelines, computed once per category and reused by every request until the next write.
 */
public record CatalogEntry(Provision provision, String datasetVersion, int versionNo, Instant recordedAt,
                           Map<String, Timeline> timelines) {

    static CatalogEntry of(Provision provision, String contentHash, int versionNo, Instant recordedAt) {
        return new CatalogEntry(provision, contentHash.substring(0, 12), versionNo, recordedAt,
                new ConcurrentHashMap<>());
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
        Timeline t = Timeline.of(provision, category);   // throws for an unknown category, caching nothing
        timelines.putIfAbsent(category, t);
        return t;
    }
}
