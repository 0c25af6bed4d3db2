package org.provisiontimeline.provision;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.provisiontimeline.provision.ProvisionVersion.ChangeKind;
import org.provisiontimeline.provision.ProvisionVersion.Origin;
import org.provisiontimeline.provision.WriteRejected.Reason;
import org.provisiontimeline.status.Event;
import org.provisiontimeline.status.Provision;

/**
 * Editors' writes. Each runs in its own transaction, locks the provision row so concurrent writers queue, checks the
 * version the editor read ({@code If-Match}) against the current one, appends a version and, only after the commit,
 * refreshes the in-memory catalog. Nothing is ever deleted: removing an event appends a version without it.
 */
@ApplicationScoped
public class Curation {

    private final ProvisionStore store;
    private final ProvisionCatalog catalog;
    private final DocumentCheck check;

    private final MeterRegistry metrics;

    Curation(ProvisionStore store, ProvisionCatalog catalog, DocumentCheck check, MeterRegistry metrics) {
        this.metrics = metrics;
        this.store = store;
        this.catalog = catalog;
        this.check = check;
    }

    /** The provision's entity tag: the one {@code If-Match} must name to replace it or add to it. */
    public static String provisionTag(String datasetVersion, int versionNo) {
        return datasetVersion + "-v" + versionNo;
    }

    /** An event's entity tag: a hash of its canonical JSON, so edits to other events do not disturb it. */
    public String eventTag(Event e) {
        return ProvisionStore.hash(ProvisionStore.canonicalJson(e)).substring(0, 16);
    }

    public ProvisionVersion create(Provision p, String by) {
        ProvisionVersion v = QuarkusTransaction.requiringNew().call(() -> {
            store.lockWrites();
            if (StoredProvision.byId(p.id()).isPresent()) {
                throw new WriteRejected(Reason.EXISTS, "Provision '" + p.id() + "' already exists; replace it with "
                        + "PUT /api/provisions/" + p.id() + " and the If-Match of its current version.");
            }
            return store.append(p, 0, by, Origin.API, ChangeKind.CREATED, "created with " + p.events().size()
                    + " event(s)", null);
        });
        catalog.refresh();
        count(v);
        return v;
    }

    /** {@code timeline_writes_total{kind=…}}: versions written through the API, by kind of change. */
    private void count(ProvisionVersion v) {
        if (v != null) {
            metrics.counter("timeline.writes", "kind", v.changeKind.name()).increment();
        }
    }

    public ProvisionVersion replace(String id, Provision p, String ifMatch, String by) {
        return write(id, ifMatch, by, ChangeKind.REPLACED, current -> p, null);
    }

    public ProvisionVersion addEvent(String id, Event e, String ifMatch, String by) {
        return write(id, ifMatch, by, ChangeKind.EVENT_ADDED, current -> {
            if (current.event(e.id()).isPresent()) {
                throw new WriteRejected(Reason.EXISTS, "Provision '" + id + "' already has an event '" + e.id()
                        + "'; replace it with PUT …/events/" + e.id() + ".");
            }
            List<Event> events = new ArrayList<>(current.events());
            events.add(e);
            return current.withEvents(events);
        }, null);
    }

    public ProvisionVersion replaceEvent(String id, String eventId, Event e, String ifMatch, String by) {
        return write(id, ifMatch, by, ChangeKind.EVENT_REPLACED,
                current -> current.withEvents(current.events().stream().map(x -> x.id().equals(eventId) ? e : x)
                        .toList()), eventId);
    }

    public ProvisionVersion retractEvent(String id, String eventId, String ifMatch, String by) {
        return write(id, ifMatch, by, ChangeKind.EVENT_RETRACTED,
                current -> current.withEvents(current.events().stream().filter(x -> !x.id().equals(eventId))
                        .toList()), eventId);
    }

    /**
     * Writes a bundle atomically: all provisions or none. New ids are created; existing ones are replaced only when
     * {@code replaceExisting}, otherwise the whole bundle is refused. Replacing is an edit like any other: each
     * provision the bundle changes must be named, at its current version, in {@code ifMatch} (a list of the ETags
     * the editor read), so an import never silently reverts someone else's edit.
     */
    public List<ProvisionVersion> importBundle(List<Provision> bundle, boolean replaceExisting, String ifMatch,
                                               String by) {
        List<ProvisionVersion> written = QuarkusTransaction.requiringNew().call(() -> {
            store.lockWrites();
            List<String> existing = bundle.stream().map(Provision::id)
                    .filter(id -> StoredProvision.byId(id).isPresent()).toList();
            if (!existing.isEmpty() && !replaceExisting) {
                throw new WriteRejected(Reason.EXISTS, "The bundle would replace existing provision(s) " + existing
                        + "; nothing was written. Send ?mode=replace to replace them on purpose.");
            }
            List<ProvisionVersion> out = new ArrayList<>();
            for (Provision p : bundle) {
                StoredProvision row = StoredProvision.lockedById(p.id());
                if (row == null) {
                    out.add(store.append(p, 0, by, Origin.API, ChangeKind.CREATED, "imported", null));
                } else if (!ProvisionStore.hash(ProvisionStore.canonicalJson(p)).equals(row.contentHash)) {
                    requireVersion(p.id(), row, ifMatch);
                    out.add(store.append(p, row.versionNo, by, Origin.API, ChangeKind.REPLACED,
                            "imported: " + describeChange(store.parse(row.document), p), null));
                }
            }
            return out;
        });
        catalog.refresh();
        written.forEach(this::count);
        return written;
    }

    private static void requireVersion(String id, StoredProvision row, String ifMatch) {
        String currentTag = provisionTag(row.contentHash.substring(0, 12), row.versionNo);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new WriteRejected(Reason.PRECONDITION_REQUIRED, "The bundle replaces provision '" + id + "'; send "
                    + "If-Match with the ETag of each provision it replaces (GET /api/provisions/" + id + "; several "
                    + "tags are separated by commas), so no one's edit is silently overwritten. Nothing was written.");
        }
        if (!matches(ifMatch, currentTag)) {
            throw new WriteRejected(Reason.PRECONDITION_FAILED, "Provision '" + id + "' is now at \"" + currentTag
                    + "\", which If-Match does not name: someone changed it since you read it. Nothing was written; "
                    + "GET it again, re-apply your changes and retry.");
        }
    }

    private ProvisionVersion write(String id, String ifMatch, String by, ChangeKind kind,
                                   UnaryOperator<Provision> change, String eventId) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new WriteRejected(Reason.PRECONDITION_REQUIRED, "This write needs an If-Match header naming the "
                    + "version you read (the ETag of GET " + (eventId == null ? "/api/provisions/" + id
                    : "/api/provisions/" + id + "/events/" + eventId) + "), so no one's edit is silently overwritten.");
        }
        ProvisionVersion v = QuarkusTransaction.requiringNew().call(() -> {
            store.lockWrites();
            StoredProvision row = StoredProvision.lockedById(id);
            if (row == null) {
                throw new WriteRejected(Reason.NOT_FOUND, "No provision has the id '" + id + "'.");
            }
            Provision current = store.parse(row.document);
            String currentTag;
            if (eventId == null) {
                currentTag = provisionTag(row.contentHash.substring(0, 12), row.versionNo);
            } else {
                Event e = current.event(eventId).orElseThrow(() -> new WriteRejected(Reason.NOT_FOUND,
                        "Provision '" + id + "' has no event '" + eventId + "'."));
                currentTag = eventTag(e);
            }
            if (!matches(ifMatch, currentTag)) {
                throw new WriteRejected(Reason.PRECONDITION_FAILED, "If-Match " + ifMatch + " is not the current "
                        + "version (\"" + currentTag + "\"): someone changed it since you read it. GET it again, "
                        + "re-apply your edit and retry.");
            }
            Provision next = change.apply(current);
            check.check(next);   // against the locked, current document: another editor may have changed it
            if (next.equals(current)) {
                return null;   // nothing changed: no new version
            }
            return store.append(next, row.versionNo, by, Origin.API, kind, describeChange(current, next), null);
        });
        catalog.refresh();
        count(v);
        return v;
    }

    /** RFC 9110 strong comparison against a list of entity tags. */
    static boolean matches(String header, String tag) {
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (!c.startsWith("W/") && c.equals("\"" + tag + "\"")) {
                return true;
            }
        }
        return false;
    }

    /** What a version changed, for the history: events added, changed and retracted, fields changed. */
    static String describeChange(Provision before, Provision after) {
        Map<String, Event> old = new LinkedHashMap<>();
        before.events().forEach(e -> old.put(e.id(), e));
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Event e : after.events()) {
            Event was = old.remove(e.id());
            if (was == null) {
                added.add(e.id());
            } else if (!was.equals(e)) {
                changed.add(e.id());
            }
        }
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("events added " + added);
        }
        if (!changed.isEmpty()) {
            parts.add("events changed " + changed);
        }
        if (!old.isEmpty()) {
            parts.add("events retracted " + List.copyOf(old.keySet()));
        }
        List<String> fields = new ArrayList<>();
        Provision b = before;
        Provision a = after;
        compare(fields, "title", b.title(), a.title());
        compare(fields, "shortTitle", b.shortTitle(), a.shortTitle());
        compare(fields, "citation", b.citation(), a.citation());
        compare(fields, "jurisdiction", b.jurisdiction(), a.jurisdiction());
        compare(fields, "target", b.target(), a.target());
        compare(fields, "restriction", b.restriction(), a.restriction());
        compare(fields, "summary", b.summary(), a.summary());
        compare(fields, "text", b.text(), a.text());
        compare(fields, "categories", b.categories(), a.categories());
        compare(fields, "renewal", b.renewal(), a.renewal());
        compare(fields, "coverage", b.coverage(), a.coverage());
        compare(fields, "checkedThrough", b.checkedThrough(), a.checkedThrough());
        if (!fields.isEmpty()) {
            parts.add("fields changed " + fields);
        }
        return parts.isEmpty() ? "no change" : String.join("; ", parts);
    }

    private static void compare(List<String> out, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(name);
        }
    }
}
