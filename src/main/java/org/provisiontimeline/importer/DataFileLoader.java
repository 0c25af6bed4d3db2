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
import org.provisiontimeline.provision.ProvisionStore;
import org.provisiontimeline.provision.ProvisionVersion;
import org.provisiontimeline.provision.ProvisionVersion.ChangeKind;
import org.provisiontimeline.provision.ProvisionVersion.Origin;
import org.provisiontimeline.provision.StoredProvision;
import org.provisiontimeline.status.Provision;

/**
 * Loads {@code data/*.json} at startup: every file is validated strictly first (a bad one stops startup with one
 * message naming the file, event, field and problem), then new or changed files are written as versions in one
 * transaction. A file whose content is unchanged writes nothing, so loading twice changes nothing. A provision edited
 * through the API since its file was last loaded is never overwritten by the file.
 */
@ApplicationScoped
public class DataFileLoader {

    static final String LOADER_ACCOUNT = "data-file-loader";
    private static final Logger LOG = Logger.getLogger(DataFileLoader.class);

    private final ProvisionStore store;
    private final ProvisionCatalog catalog;
    private final Path dataDir;
    private final ProvisionReader reader = new ProvisionReader();

    DataFileLoader(ProvisionStore store, ProvisionCatalog catalog,
                   @ConfigProperty(name = "timeline.data-dir") Path dataDir) {
        this.store = store;
        this.catalog = catalog;
        this.dataDir = dataDir;
    }

    void onStart(@Observes StartupEvent event) {
        List<DataFile> files = readAll(dataDir);
        int written = QuarkusTransaction.requiringNew().call(() -> write(files));
        // The catalog reuses the documents just read when the database holds the same content, instead of
        // parsing each stored document a second time.
        Map<String, Provision> read = new HashMap<>();
        files.forEach(f -> read.put(f.hash(), f.provision()));
        catalog.refresh(read);
        LOG.infof("Data files: %d read from %s, %d written as new versions; %d provision(s) served",
                files.size(), dataDir.toAbsolutePath(), written, catalog.all().size());
    }

    /** A validated data file: its provision and the hash of its canonical content ({@code null} until readAll). */
    record DataFile(Path path, Provision provision, String hash) {
    }

    /**
     * Reads and validates every {@code *.json} file of a directory, in name order.
     *
     * @throws DataFileException naming the first bad file and every problem in it
     */
    List<DataFile> readAll(Path dir) {
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
                DataFile f = read(path);
                String hash = ProvisionStore.hash(store.canonicalJson(f.provision()));
                return (Object) new DataFile(path, f.provision(), hash);
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

    DataFile read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new DataFileException(path + ": cannot be read: " + e.getMessage());
        }
        Provision p;
        try {
            p = reader.readProvision(bytes);
        } catch (InvalidDocumentException e) {
            throw DataFileException.invalid(path, bytes, e.errors());
        }
        String expected = p.id() + ".json";
        if (!path.getFileName().toString().equals(expected)) {
            throw new DataFileException(path + ": field /id: the file of provision '" + p.id() + "' must be named "
                    + expected);
        }
        return new DataFile(path, p, null);
    }

    private int write(List<DataFile> files) {
        store.lockWrites();
        int written = 0;
        Map<String, StoredProvision> rows = new HashMap<>();   // one query, not one per file
        StoredProvision.all().forEach(r -> rows.put(r.id, r));
        for (DataFile f : files) {
            Provision p = f.provision();
            String fileHash = f.hash();
            StoredProvision row = rows.get(p.id());
            if (row == null) {
                store.append(p, 0, LOADER_ACCOUNT, Origin.DATA_FILE, ChangeKind.CREATED, "loaded from " + f.path(),
                        fileHash);
                written++;
            } else if (fileHash.equals(row.fileHash)) {
                LOG.debugf("%s unchanged", f.path());
            } else if (editedThroughApi(p.id())) {
                LOG.warnf("%s changed, but provision %s was edited through the API since the file was last loaded; "
                        + "keeping the edits (see docs/curation.md)", f.path(), p.id());
            } else if (fileHash.equals(row.contentHash)) {
                row.fileHash = fileHash;   // the same content already current: remember the file, add no version
            } else {
                store.append(p, row.versionNo, LOADER_ACCOUNT, Origin.DATA_FILE, ChangeKind.REPLACED,
                        "reloaded from " + f.path(),
                        fileHash);
                written++;
            }
        }
        return written;
    }

    private static boolean editedThroughApi(String provisionId) {
        return ProvisionVersion.latest(provisionId).map(v -> v.origin == Origin.API).orElse(false);
    }
}
