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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import io.micrometer.core.instrument.Gauge;
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
    private final java.util.concurrent.ExecutorService binder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "catalog-bind");
        t.setDaemon(true);
        return t;
    });
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

    private final ModelBudget budget;

    /**
     * @param maxBoundEvents the bound on the events of the models kept in memory; by default a 64th of the maximum
     *                       heap at ~640 bytes per event (3,276 events at {@code -Xmx128m}, 6,553 at
     *                       {@code -Xmx256m}). Why so little: G1 marks the old generation whenever what lives there
     *                       passes ~30 % of the heap, and rendered answers may take a quarter; with a 16th the
     *                       100,000-event catalog was marked every second, at 2.3 µs of every status request. The
     *                       shipped data (~60 events) is always bound (issue 15)
     */
    ProvisionCatalog(ProvisionStore store, MeterRegistry metrics,
                     @ConfigProperty(name = "timeline.catalog.max-bound-events") Optional<Long> maxBoundEvents) {
        this.store = store;
        this.budget = new ModelBudget(maxBoundEvents.orElse(Runtime.getRuntime().maxMemory() / (64 * 640)));
        Gauge.builder("timeline.catalog.bound.events", budget, ModelBudget::events)
                .description("events of the provision models kept in memory (the rest are bound on use)")
                .register(metrics);
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
        binder.shutdownNow();
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
            if (before.get(e.id()) != e && e.recordedAt() != null) {
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
        // Metadata only: a changed row's document is read and bound in the background, or by the first request that
        // needs it (from its immutable version, so document and hash always agree). A start answers before it has
        // read every document; documents the loader has just parsed are reused.
        List<ProvisionHead> heads = QuarkusTransaction.requiringNew().call(StoredProvision::heads);
        Map<String, CatalogEntry> next = new TreeMap<>();
        List<CatalogEntry> fresh = new ArrayList<>();
        for (ProvisionHead h : heads) {
            CatalogEntry e = current.get(h.id());
            if (!isCurrent(e, h.versionNo(), h.contentHash())) {
                Provision p = known.get(h.contentHash());
                Supplier<Provision> load = () -> readVersion(h.id(), h.versionNo());
                e = CatalogEntry.of(h.id(), p != null ? ParsedOnFirstUse.bound(p, load, budget)
                        : ParsedOnFirstUse.of(load, budget), h.contentHash(), h.versionNo(), h.updatedAt());
                fresh.add(e);
            }
            next.put(h.id(), e);
        }
        StringBuilder print = new StringBuilder();
        next.values().forEach(e -> print.append(e.id()).append('@').append(e.datasetVersion()).append(';'));
        // Built sorted, kept hashed: every request looks its provision up here, and in a TreeMap of 1,000 ids that
        // is ~10 string comparisons over nodes and keys scattered through the heap (issue 15: the catalog's status
        // throughput). The LinkedHashMap keeps the TreeMap's order for all().
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(next));
        fingerprint = ProvisionStore.hash(print.toString() + seq).substring(0, 16);
        lastSeq = seq;
        LOG.debugf("catalog refreshed: %s", print);
        for (CatalogEntry old : current.values()) {
            if (next.get(old.id()) != old) {
                budget.retire(old.document());   // a version no longer served: its model no longer counts
            }
        }
        bindInBackground(fresh);
    }

    /** The provision as version {@code versionNo} of {@code id} recorded it (versions are immutable). */
    private Provision readVersion(String id, int versionNo) {
        return store.parse(QuarkusTransaction.joiningExisting().call(() -> ProvisionVersion.numbered(id, versionNo))
                .orElseThrow(() -> new IllegalStateException("version " + versionNo + " of " + id + " is missing"))
                .document);
    }

    /**
     * Reads and binds the new entries' documents on one background thread, in chunks of current rows, while the
     * model budget has room (past it, binding would only let go of what it just bound); a request that needs an
     * entry first binds it itself. A row that has moved on since its entry was made (another write) is left to the
     * entry's own read of its version.
     */
    private void bindInBackground(List<CatalogEntry> fresh) {
        List<CatalogEntry> unbound = fresh.stream().filter(e -> !e.isParsed()).toList();
        if (unbound.isEmpty()) {
            return;
        }
        binder.execute(() -> {
            try {
                for (int from = 0; from < unbound.size(); from += ID_CHUNK) {
                    List<CatalogEntry> chunk = unbound.subList(from, Math.min(unbound.size(), from + ID_CHUNK));
                    Map<String, CatalogEntry> byId = new java.util.HashMap<>();
                    chunk.forEach(e -> byId.put(e.id(), e));
                    List<StoredProvision> rows = QuarkusTransaction.requiringNew()
                            .call(() -> StoredProvision.withIds(byId.keySet()));
                    for (StoredProvision row : rows) {   // one thread: the other cores stay free for requests
                        CatalogEntry e = byId.get(row.id);
                        if (e.versionNo() == row.versionNo) {
                            e.document().offer(() -> store.parse(row.document));
                        }
                        if (budget.full()) {
                            return;
                        }
                    }
                    for (CatalogEntry e : chunk) {   // rows that moved on, or went missing
                        if (budget.full()) {
                            return;
                        }
                        if (!e.isParsed()) {
                            e.provision();
                        }
                    }
                }
            } catch (RuntimeException ex) {   // requests bind their own entries, and fail the same way if they must
                LOG.warnf("binding stored documents in the background stopped: %s", ex.getMessage());
            }
        });
    }

    /** Whether {@code entry} already serves this version of a row: its computed timelines are then kept. */
    private static boolean isCurrent(CatalogEntry entry, int versionNo, String contentHash) {
        return entry != null && entry.versionNo() == versionNo
                && entry.datasetVersion().equals(contentHash.substring(0, 12));
    }

    private static final int ID_CHUNK = 500;
}
