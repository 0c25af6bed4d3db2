package org.provisiontimeline.provision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.provisiontimeline.importer.PartialDateModule;
import org.provisiontimeline.provision.ProvisionVersion.ChangeKind;
import org.provisiontimeline.provision.ProvisionVersion.Origin;
import org.provisiontimeline.status.Provision;

/**
 * Writes provisions the only way they are ever written: by appending an immutable version and pointing the provision
 * row at it. Callers own the transaction; nothing here commits.
 */
@ApplicationScoped
public class ProvisionStore {

    /**
     * Writes and reads stored documents: the application's settings ({@code quarkus.jackson.*} and
     * {@code JsonConfig}'s partial dates, kept the same by {@code CanonicalJsonTest}), nulls left out (smaller, and
     * the hash does not depend on absent fields). Built without the application, so that {@code ReadAhead} can write
     * a data file's document while the framework boots, and with this very mapper: the loader then stores that
     * document as it is, instead of writing it again cold on the main thread (issue 15).
     */
    private static final JsonMapper CANONICAL = JsonMapper.builder().findAndAddModules()
            .addModule(new PartialDateModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final Clock clock;

    private final Database database;

    ProvisionStore(Clock clock, Database database) {
        this.database = database;
        this.clock = clock;
    }

    /** What is stored of a provision: its canonical JSON, and the hash of that JSON (the dataset version). */
    public record Document(String json, String contentHash) {

        /** The document of {@code p}; callable before the application exists. */
        public static Document of(Provision p) {
            String json = canonicalJson(p);
            return new Document(json, hash(json));
        }
    }

    /** The canonical JSON of a provision (or one of its events): what is stored and hashed. */
    public static String canonicalJson(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** SHA-256 of the canonical JSON, in hex: the dataset version. */
    public static String hash(String canonicalJson) {
        return hash(canonicalJson.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of some bytes, in hex: also the hash of a data file as it lies on disk. */
    public static String hash(byte[] bytes) {
        // One digest per thread: looking the algorithm up costs more than hashing a short key (ETags hash per request).
        return HexFormat.of().formatHex(SHA_256.get().digest(bytes));
    }

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    });

    /**
     * Queues this transaction behind every other write: call it first in a writing transaction, before locking any
     * provision row, so writers never wait for each other in opposite orders. Versions then commit in seq order.
     */
    public void lockWrites() {
        Sql.list("select id from write_order where id = 1 for update", r -> r.getInt(1));
    }

    /** Reads back a stored document; it was validated before it was written, so binding is all that is left. */
    public Provision parse(String document) {
        try {
            return CANONICAL.readValue(document, Provision.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Appends a version of {@code p} and makes it current, provided the current version is still
     * {@code expectedVersion} (0: the provision must not exist yet). The rows are flushed at once, so a concurrent
     * writer that slipped past the check fails here, on the unique keys, rather than at commit.
     *
     * @param fileHash the data file's hash when the write comes from a data file, else {@code null}
     * @return the new version
     * @throws WriteRejected if another write got there first
     */
    public ProvisionVersion append(Provision p, int expectedVersion, String by, Origin origin, ChangeKind kind,
                                   String summary, String fileHash) {
        return append(p, Document.of(p), expectedVersion, by, origin, kind, summary, fileHash);
    }

    /**
     * {@link #append(Provision, int, String, Origin, ChangeKind, String, String)} with the document of {@code p}
     * written already ({@link Document#of}), e.g. by the read-ahead.
     */
    public ProvisionVersion append(Provision p, Document document, int expectedVersion, String by, Origin origin,
                                   ChangeKind kind, String summary, String fileHash) {
        lockWrites();   // normally taken already, first thing in the transaction; taking it again is free
        String json = document.json();
        String contentHash = document.contentHash();
        Instant now = clock.instant();
        StoredProvision row = StoredProvision.byId(p.id()).orElse(null);
        int current = row == null ? 0 : row.versionNo;
        if (current != expectedVersion) {
            throw expectedVersion == 0
                    ? new WriteRejected(WriteRejected.Reason.EXISTS, "Provision '" + p.id() + "' already exists.")
                    : new WriteRejected(WriteRejected.Reason.PRECONDITION_FAILED, "Provision '" + p.id()
                    + "' changed while this write was prepared; GET it again and retry.");
        }
        int next = current + 1;

        ProvisionVersion v = new ProvisionVersion();
        v.provisionId = p.id();
        v.versionNo = next;
        v.recordedAt = now;
        v.recordedBy = by;
        v.origin = origin;
        v.changeKind = kind;
        v.summary = summary.length() > 2000 ? summary.substring(0, 1997) + "..." : summary;
        v.contentHash = contentHash;
        v.document = json;
        boolean isNew = row == null;
        if (isNew) {
            row = new StoredProvision();
            row.id = p.id();
        }
        row.versionNo = next;
        row.contentHash = contentHash;
        row.document = json;
        row.updatedAt = now;
        if (fileHash != null) {
            row.fileHash = fileHash;
        }
        try {
            // Both statements run at once, so a concurrent writer that slipped past the check above fails here, on
            // the unique keys, not at commit.
            v.insert();
            row.save(isNew);
        } catch (Sql.DatabaseFailure e) {
            if (DatabaseDown.isCause(e) || !e.isUniqueViolation()) {
                throw e;   // not a conflict: the database went away (503), or a bug (500)
            }
            throw new WriteRejected(WriteRejected.Reason.CONCURRENT, "Another write to provision '" + p.id()
                    + "' happened at the same moment; nothing of this one was written. GET it again and retry.");
        }
        if (database.kind() == Database.Kind.POSTGRESQL) {
            // Other instances LISTEN (ChangeListener); PostgreSQL delivers this on commit, and never on rollback.
            Sql.list("select pg_notify('" + ChangeListener.CHANNEL + "', ?)", r -> r.getObject(1), p.id());
        }
        return v;
    }
}
