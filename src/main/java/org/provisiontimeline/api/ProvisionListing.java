package org.provisiontimeline.api;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import org.provisiontimeline.provision.CatalogEntry;
import org.provisiontimeline.provision.ProvisionCatalog;
import org.provisiontimeline.status.Category;

/**
 * The provision list with today's status, computed once per catalog version and day rather than once per request:
 * with a thousand provisions, a list request would otherwise ask a thousand timelines.
 */
@Singleton
class ProvisionListing {

    private final ProvisionCatalog catalog;
    private volatile Listing current = new Listing("", LocalDate.MIN, List.of());

    ProvisionListing(ProvisionCatalog catalog) {
        this.catalog = catalog;
    }

    /** Whether the list for {@code today} is computed already for the current catalog (asking costs no work). */
    boolean isReady(LocalDate today) {
        Listing listing = current;
        return listing.fingerprint().equals(catalog.fingerprint()) && listing.day().equals(today);
    }

    List<ProvisionViews.Summary> on(LocalDate today) {
        // The fingerprint is read before the entries: a refresh in between caches newer entries under the older
        // fingerprint, which the next request replaces; never older entries under the newer one.
        String fingerprint = catalog.fingerprint();
        Listing listing = current;
        if (listing.fingerprint().equals(fingerprint) && listing.day().equals(today)) {
            return listing.summaries();
        }
        List<ProvisionViews.Summary> all = catalog.all().stream().map(e -> summary(e, today)).toList();
        current = new Listing(fingerprint, today, all);
        return all;
    }

    /**
     * One provision's line, kept with its entry for the day: after a write only the written provision's line is
     * made again, so a large catalog does not bind every model it has let go of (issue 15).
     */
    private static ProvisionViews.Summary summary(CatalogEntry e, LocalDate today) {
        return e.keptFor("list-line", today,
                () -> ProvisionViews.Summary.of(e, e.timeline(Category.GENERAL).answer(today)));
    }

    private record Listing(String fingerprint, LocalDate day, List<ProvisionViews.Summary> summaries) {
    }
}
