package org.provisiontimeline.provision;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.provisiontimeline.status.Provision;

/**
 * The in-memory model every status and timeline answer comes from: the newest version of each provision, read from
 * the database at startup and again after every committed write, never per request.
 */
@ApplicationScoped
public class ProvisionCatalog {

    private static final Logger LOG = Logger.getLogger(ProvisionCatalog.class);

    private final ProvisionStore store;
    private volatile Map<String, CatalogEntry> entries = Map.of();
    private volatile String fingerprint = "empty";
    private final Map<Long, CatalogEntry> past = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, CatalogEntry> eldest) {
                    return size() > 32;
                }
            });

    ProvisionCatalog(ProvisionStore store) {
        this.store = store;
    }

    public Optional<CatalogEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /**
     * The provision as the record stood at {@code asOf} ({@code null}: now); empty if it did not exist then. Past
     * versions come from the database and are kept in a small cache, since analysts re-ask the same past answer.
     */
    public Optional<CatalogEntry> find(String id, Instant asOf) {
        if (asOf == null) {
            return find(id);
        }
        Optional<ProvisionVersion> version = QuarkusTransaction.joiningExisting()
                .call(() -> ProvisionVersion.asOf(id, asOf));
        return version.map(v -> past.computeIfAbsent(v.seq,
                seq -> CatalogEntry.of(store.parse(v.document), v.contentHash, v.versionNo, v.recordedAt)));
    }

    /** All provisions, ordered by id. */
    public Collection<CatalogEntry> all() {
        return entries.values();
    }

    /** Changes whenever any provision changes: the basis of ETags. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Re-reads every provision's newest version; call after a commit, never inside the writing transaction. */
    public void refresh() {
        List<StoredProvision> rows = QuarkusTransaction.requiringNew().call(StoredProvision::all);
        Map<String, CatalogEntry> next = new TreeMap<>();
        StringBuilder print = new StringBuilder();
        for (StoredProvision row : rows) {
            CatalogEntry old = entries.get(row.id);
            if (old != null && old.versionNo() == row.versionNo
                    && old.datasetVersion().equals(row.contentHash.substring(0, 12))) {
                next.put(row.id, old);   // unchanged: keep its computed timelines
            } else {
                Provision p = store.parse(row.document);
                next.put(row.id, CatalogEntry.of(p, row.contentHash, row.versionNo, row.updatedAt));
            }
        }
        next.values().forEach(e -> print.append(e.provision().id()).append('@').append(e.datasetVersion()).append(';'));
        entries = java.util.Collections.unmodifiableMap(next);
        fingerprint = ProvisionStore.hash(print.toString()).substring(0, 16);
        LOG.debugf("catalog refreshed: %s", print);
    }
}
