package org.provisiontimeline.provision;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
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
    private volatile long lastSeq = -1;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "catalog-poll");
        t.setDaemon(true);
        return t;
    });
    // Past versions asked for with asOf, most recently used last. Bounded both in entries and in events, so a few
    // huge past versions cannot fill the heap; each build is O(n log n), so a miss costs a parse and a sort.
    static final int PAST_MAX_VERSIONS = 32;
    static final long PAST_MAX_EVENTS = 100_000;
    private final java.util.LinkedHashMap<Long, CatalogEntry> past = new java.util.LinkedHashMap<>(16, 0.75f, true);
    private long pastEvents;   // guarded by past

    private final Timer refreshLag;
    private volatile boolean pollFailing;

    ProvisionCatalog(ProvisionStore store, MeterRegistry metrics) {
        this.store = store;
        this.refreshLag = Timer.builder("timeline.catalog.refresh.lag")
                .description("From a version's commit (by any instance) to this instance answering from it")
                .register(metrics);
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
        return version.map(this::entryOf);
    }

    private CatalogEntry entryOf(ProvisionVersion v) {
        CatalogEntry current = entries.get(v.provisionId);
        if (current != null && current.versionNo() == v.versionNo && current.recordedAt().equals(v.recordedAt)
                && current.datasetVersion().equals(v.contentHash.substring(0, 12))) {
            return current;   // asOf names the version being served: its timelines are built already
        }
        synchronized (past) {
            CatalogEntry cached = past.get(v.seq);
            if (cached != null) {
                return cached;
            }
        }
        // Parsed outside the lock, so one slow miss does not hold up every other asOf request.
        CatalogEntry built = CatalogEntry.of(store.parse(v.document), v.contentHash, v.versionNo, v.recordedAt);
        synchronized (past) {
            CatalogEntry raced = past.putIfAbsent(v.seq, built);
            if (raced != null) {
                return raced;
            }
            pastEvents += built.provision().events().size();
            var eldest = past.entrySet().iterator();
            while (past.size() > 1 && (past.size() > PAST_MAX_VERSIONS || pastEvents > PAST_MAX_EVENTS)) {
                pastEvents -= eldest.next().getValue().provision().events().size();
                eldest.remove();
            }
        }
        return built;
    }

    /** All provisions, ordered by id. */
    public Collection<CatalogEntry> all() {
        return entries.values();
    }

    /** Whether the catalog has been read from the database at least once. */
    public boolean loaded() {
        return lastSeq >= 0;
    }

    /** Changes whenever any provision changes: the basis of ETags. */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Several instances may serve one database: each polls the newest version number and refreshes when another
     * instance has written. The poll is one indexed query, never a per-request scan.
     */
    void watch(@Observes StartupEvent start,
               @ConfigProperty(name = "timeline.refresh-interval", defaultValue = "5s") java.time.Duration every) {
        poller.scheduleWithFixedDelay(() -> {
            try {
                long newest = QuarkusTransaction.requiringNew().call(ProvisionVersion::newestSeq);
                if (pollFailing) {
                    LOG.info("database reachable again");
                    pollFailing = false;
                }
                if (newest != lastSeq) {
                    refreshFromElsewhere();
                }
            } catch (RuntimeException e) {
                if (!pollFailing) {   // once per outage, not once per poll
                    LOG.warnf("catalog poll failed, answering from memory until the database is back: %s",
                            e.getMessage());
                    pollFailing = true;
                }
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stop) {
        poller.shutdownNow();
    }

    /**
     * Refreshes after another instance wrote (a notification or the poll), and records how long after its commit
     * this instance answers from the new version: the refresh lag between instances.
     */
    void refreshFromElsewhere() {
        Map<String, CatalogEntry> before = entries;
        refresh();
        Instant now = Instant.now();
        for (CatalogEntry e : entries.values()) {
            if (before.get(e.provision().id()) != e && e.recordedAt() != null) {
                refreshLag.record(Duration.between(e.recordedAt(), now));
            }
        }
    }

    /** Re-reads every provision's newest version; call after a commit, never inside the writing transaction. */
    public void refresh() {
        refresh(Map.of());
    }

    /**
     * As {@link #refresh()}, taking the documents of {@code known} (by content hash) as already parsed: the loader
     * has just read and validated them, so a start does not parse every document twice.
     */
    public synchronized void refresh(Map<String, Provision> known) {
        long seq = QuarkusTransaction.requiringNew().call(ProvisionVersion::newestSeq);
        Map<String, CatalogEntry> current = entries;
        // Metadata first: only the documents of changed rows are read (all of them at startup, one after a write).
        List<ProvisionHead> heads = QuarkusTransaction.requiringNew().call(StoredProvision::heads);
        List<String> changed = heads.stream()
                .filter(h -> !isCurrent(current.get(h.id()), h.versionNo(), h.contentHash()))
                .map(ProvisionHead::id).toList();
        List<StoredProvision> rows = QuarkusTransaction.requiringNew().call(() -> changedRows(changed, heads.size()));
        // Documents are independent: the changed ones are parsed in parallel (all of them, at startup). A row read
        // here may be newer than its head; the entry is built from the row, so document and hash always agree.
        Map<String, CatalogEntry> built = new java.util.HashMap<>();
        rows.parallelStream().map(row -> {
            Provision p = known.get(row.contentHash);
            return CatalogEntry.of(p != null ? p : store.parse(row.document), row.contentHash, row.versionNo,
                    row.updatedAt);
        }).toList().forEach(e -> built.put(e.provision().id(), e));
        Map<String, CatalogEntry> next = new TreeMap<>();
        for (ProvisionHead h : heads) {
            CatalogEntry e = built.containsKey(h.id()) ? built.get(h.id()) : current.get(h.id());
            if (e != null) {
                next.put(h.id(), e);
            }
        }
        StringBuilder print = new StringBuilder();
        next.values().forEach(e -> print.append(e.provision().id()).append('@').append(e.datasetVersion()).append(';'));
        entries = java.util.Collections.unmodifiableMap(next);
        fingerprint = ProvisionStore.hash(print.toString() + seq).substring(0, 16);
        lastSeq = seq;
        LOG.debugf("catalog refreshed: %s", print);
    }

    /** Whether {@code entry} already serves this version of a row: its computed timelines are then kept. */
    private static boolean isCurrent(CatalogEntry entry, int versionNo, String contentHash) {
        return entry != null && entry.versionNo() == versionNo
                && entry.datasetVersion().equals(contentHash.substring(0, 12));
    }

    /** The changed rows with their documents; one query for all rows when every row changed (a start). */
    private static List<StoredProvision> changedRows(List<String> ids, int rowCount) {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() == rowCount) {
            return StoredProvision.all();
        }
        List<StoredProvision> out = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {   // bounded IN lists, for every database
            out.addAll(StoredProvision.withIds(ids.subList(from, Math.min(ids.size(), from + ID_CHUNK))));
        }
        return out;
    }

    private static final int ID_CHUNK = 500;
}
