package org.provisiontimeline.importer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.provisiontimeline.provision.ProvisionCatalog;
import org.provisiontimeline.provision.ProvisionHead;
import org.provisiontimeline.provision.ProvisionStore;
import org.provisiontimeline.provision.ProvisionVersion;
import org.provisiontimeline.provision.ProvisionVersion.ChangeKind;
import org.provisiontimeline.provision.ProvisionVersion.Origin;
import org.provisiontimeline.provision.StoredProvision;
import org.provisiontimeline.status.Provision;

/**
 * Loads {@code data/*.json} at startup: every new or changed file is validated strictly first (a bad one stops
 * startup with one message naming the file, event, field and problem), then new or changed files are written as
 * versions in one transaction. A file whose content is unchanged writes nothing, so loading twice changes nothing. A
 * provision edited through the API since its file was last loaded is never overwritten by the file.
 * <p>
 * A file whose bytes are exactly those last loaded (its SHA-256 equals the row's {@code file_hash}) was validated
 * then and is not parsed again: a start with unchanged files only hashes them (docs/decisions.md, "Unchanged data
 * files are not re-read"). The first files are usually parsed already when the loader runs: {@link ReadAhead} read
 * them while the framework booted.
 */
@ApplicationScoped
public class DataFileLoader {

    static final String LOADER_ACCOUNT = "data-file-loader";
    private static final Logger LOG = Logger.getLogger(DataFileLoader.class);

    private final ProvisionStore store;
    private final ProvisionCatalog catalog;
    private final Path dataDir;

    /** The strict reader, built on first use: a start whose files are all unchanged never needs one. */
    private static final class Reader {
        static final ProvisionReader INSTANCE = new ProvisionReader();
    }

    DataFileLoader(ProvisionStore store, ProvisionCatalog catalog,
                   @ConfigProperty(name = "timeline.data-dir") Path dataDir) {
        this.store = store;
        this.catalog = catalog;
        this.dataDir = dataDir;
    }

    void onStart(@Observes StartupEvent event) {
        load(dataDir);
    }

    /** What one load did: files found, files parsed (new or changed), versions written. */
    record LoadReport(int files, int parsed, int written) {
    }

    /** Loads the data files of {@code dir} and refreshes the catalog; see the class comment. */
    LoadReport load(Path dir) {
        List<DataFile> files = readAll(dir, QuarkusTransaction.requiringNew().call(DataFileLoader::heads));
        // The catalog reuses the documents just read when the database holds the same content (same content hash),
        // instead of parsing each stored document a second time.
        Map<String, Provision> known = new HashMap<>();
        int written = QuarkusTransaction.requiringNew().call(() -> write(files, known));
        files.stream().filter(f -> !f.parsed()).forEach(f -> ReadAhead.content(f.path(), f.rawHash())
                .ifPresent(c -> known.putIfAbsent(c.document().contentHash(), c.provision())));
        int readAhead = ReadAhead.finish();
        catalog.refresh(known);
        int parsed = (int) files.stream().filter(DataFile::parsed).count();
        LOG.infof("Data files: %d read from %s (%d parsed, %d unchanged since last loaded; %d read ahead while "
                        + "starting), %d written as new versions; %d provision(s) served", files.size(),
                dir.toAbsolutePath(), parsed, files.size() - parsed, readAhead, written, catalog.all().size());
        return new LoadReport(files.size(), parsed, written);
    }

    /** Every row's metadata by id, read in the caller's transaction. */
    private static Map<String, ProvisionHead> heads() {
        Map<String, ProvisionHead> byId = new HashMap<>();
        StoredProvision.heads().forEach(h -> byId.put(h.id(), h));
        return byId;
    }

    /**
     * A data file: the SHA-256 of its bytes and, when it was parsed, its provision, with its stored document when
     * that was written already (read ahead). An unchanged file is not parsed: {@code provision} is then {@code null}.
     */
    record DataFile(Path path, String rawHash, Provision provision, ProvisionStore.Document document) {

        DataFile(Path path, String rawHash, Provision provision) {
            this(path, rawHash, provision, null);
        }

        boolean parsed() {
            return provision != null;
        }

        /** The stored document of {@code parsed}: the one written ahead when it is this file's provision. */
        ProvisionStore.Document documentOf(Provision parsed) {
            return document != null && parsed == provision ? document : ProvisionStore.Document.of(parsed);
        }

        /** The provision id the file must hold: its name without {@code .json}. */
        String provisionId() {
            String name = path.getFileName().toString();
            return name.substring(0, name.length() - ".json".length());
        }
    }

    /**
     * Reads and validates every {@code *.json} file of a directory, in name order, except that a file whose bytes
     * hash to the {@code file_hash} of its provision's row in {@code loaded} is only hashed: it was validated when it
     * was loaded.
     *
     * @throws DataFileException naming the first bad file and every problem in it
     */
    List<DataFile> readAll(Path dir, Map<String, ProvisionHead> loaded) {
        if (!Files.isDirectory(dir)) {
            LOG.warnf("Data directory %s does not exist; starting with what the database holds", dir.toAbsolutePath());
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> paths = Files.list(dir)) {
            files = paths.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new DataFileException("cannot list data directory " + dir + ": " + e.getMessage());
        }
        // Reading and validating (which builds every category's timeline) is most of a start's work, and files are
        // independent: they are read in parallel. The first bad file by name is still the one reported.
        List<Object> read = files.parallelStream().map(path -> {
            try {
                return (Object) read(path, loaded);
            } catch (DataFileException e) {
                return e;
            }
        }).toList();
        List<DataFile> out = new ArrayList<>();
        for (Object r : read) {
            if (r instanceof DataFileException e) {
                throw e;
            }
            out.add((DataFile) r);
        }
        return out;
    }

    private DataFile read(Path path, Map<String, ProvisionHead> loaded) {
        byte[] bytes = bytesOf(path);
        String rawHash = ProvisionStore.hash(bytes);
        ProvisionHead head = loaded.get(new DataFile(path, rawHash, null).provisionId());
        if (head != null && rawHash.equals(head.fileHash())) {
            return new DataFile(path, rawHash, null);   // the very bytes loaded (and validated) before
        }
        return ReadAhead.take(path, rawHash).map(c -> new DataFile(path, rawHash, c.provision(), c.document()))
                .orElseGet(() -> new DataFile(path, rawHash, parse(path, bytes)));
    }

    /** Reads and validates one file, whatever the database holds. */
    DataFile read(Path path) {
        byte[] bytes = bytesOf(path);
        return new DataFile(path, ProvisionStore.hash(bytes), parse(path, bytes));
    }

    private static byte[] bytesOf(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new DataFileException(path + ": cannot be read: " + e.getMessage());
        }
    }

    /** Reads and validates the bytes of one data file, which must be named after its provision. */
    static Provision parse(Path path, byte[] bytes) {
        Provision p;
        try {
            p = Reader.INSTANCE.readProvision(bytes);
        } catch (InvalidDocumentException e) {
            throw DataFileException.invalid(path, bytes, e.errors());
        }
        String expected = p.id() + ".json";
        if (!path.getFileName().toString().equals(expected)) {
            throw new DataFileException(path + ": field /id: the file of provision '" + p.id() + "' must be named "
                    + expected);
        }
        return p;
    }

    /** Writes what changed; puts every provision parsed here into {@code known}, by the hash of its content. */
    private int write(List<DataFile> files, Map<String, Provision> known) {
        store.lockWrites();
        int written = 0;
        Map<String, ProvisionHead> rows = heads();   // again, now that writes are locked: one query, no documents
        for (DataFile f : files) {
            ProvisionHead row = rows.get(f.provisionId());
            if (row != null && f.rawHash().equals(row.fileHash())) {
                LOG.debugf("%s unchanged", f.path());
                continue;
            }
            // Unparsed means unchanged when the file was hashed; another instance may have loaded another file
            // since (rare): this one is then validated here, under the lock.
            Provision p = f.parsed() ? f.provision() : parse(f.path(), bytesOf(f.path()));
            ProvisionStore.Document document = f.documentOf(p);
            if (row == null) {
                known.put(store.append(p, document, 0, LOADER_ACCOUNT, Origin.DATA_FILE, ChangeKind.CREATED,
                        "loaded from " + f.path(), f.rawHash()).contentHash, p);
                written++;
                continue;
            }
            String contentHash = document.contentHash();
            known.put(contentHash, p);
            if (contentHash.equals(row.fileHash())) {
                // Loaded before this service stored raw-file hashes (file_hash held the canonical hash): the same
                // file, so nothing to write but its new hash, and no new version.
                StoredProvision.rememberFile(row.id(), f.rawHash());
            } else if (editedThroughApi(p.id())) {
                LOG.warnf("%s changed, but provision %s was edited through the API since the file was last loaded; "
                        + "keeping the edits (see docs/curation.md)", f.path(), p.id());
            } else if (contentHash.equals(row.contentHash())) {
                // The same content already current: remember the file, add no version.
                StoredProvision.rememberFile(row.id(), f.rawHash());
            } else {
                store.append(p, document, row.versionNo(), LOADER_ACCOUNT, Origin.DATA_FILE, ChangeKind.REPLACED,
                        "reloaded from " + f.path(), f.rawHash());
                written++;
            }
        }
        return written;
    }

    private static boolean editedThroughApi(String provisionId) {
        return ProvisionVersion.latest(provisionId).map(v -> v.origin == Origin.API).orElse(false);
    }
}
