package org.provisiontimeline.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.provisiontimeline.provision.ProvisionStore;
import org.provisiontimeline.status.Provision;

/**
 * Reads and validates the first data files on a thread of its own while the framework boots, so that the loader
 * finds them parsed (docs/decisions.md, "Data files are read while the framework boots"). Parsing a document is the
 * largest cold piece of a start on a fresh database, and the framework's boot keeps one core busy: the other core
 * does the parsing meanwhile.
 * <p>
 * The stored document of each provision ({@link ProvisionStore.Document}) is written here too, with the store's own
 * mapper: a new or changed file is then stored as it is, and the main thread does not serialise it again, cold. An
 * unchanged file (one the loader does not parse) still saves work: the catalog binds its provision from here instead
 * of reading and binding the stored document, when the content hash written here equals the stored one.
 * <p>
 * The result is only a shortcut. The loader still reads and hashes every file itself, and takes a result only when
 * the file's bytes hash to what was read here; otherwise (the file changed, the configured directory is another one,
 * the directory holds more than {@link #MAX_FILES} files) it reads the file as it always did. A bad file is reported
 * the same way either way: the read here keeps the loader's {@link DataFileException}.
 */
public final class ReadAhead {

    /**
     * At most this many files, and this many bytes in all, are read ahead: enough for a hand-curated dataset. A
     * directory with more files is not read ahead at all.
     */
    static final int MAX_FILES = 16;
    static final long MAX_BYTES = 8L << 20;

    private static volatile ReadAhead started;

    private final Map<Path, CompletableFuture<Result>> results = new LinkedHashMap<>();
    private final AtomicInteger taken = new AtomicInteger();

    /** What was read of one file: its raw SHA-256, and what it holds ({@code content}) or why it is bad. */
    record Result(String rawHash, Content content, DataFileException failure) {
    }

    /** A provision read ahead and its stored document, for the loader to store and the catalog to bind. */
    record Content(Provision provision, ProvisionStore.Document document) {
    }

    private ReadAhead(List<Path> files) {
        files.forEach(f -> results.put(f, new CompletableFuture<>()));
    }

    /**
     * Starts reading the data files of {@code dir} on a daemon thread; called from the application's main before
     * the framework boots. Does nothing when the directory cannot be listed: the loader then says why.
     */
    public static void start(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        List<Path> files = firstFiles(absolute);
        if (files.isEmpty()) {
            return;
        }
        ReadAhead ahead = new ReadAhead(files);
        Thread t = new Thread(ahead::readAll, "data-read-ahead");
        t.setDaemon(true);
        started = ahead;
        t.start();
    }

    /** The data directory as {@code main} guesses it before configuration exists: system property, env, default. */
    public static Path configuredDir(String defaultDir) {
        String dir = System.getProperty("timeline.data-dir");
        if (dir == null) {
            dir = System.getenv("TIMELINE_DATA_DIR");
        }
        return Path.of(dir != null ? dir : defaultDir);
    }

    /**
     * What was read ahead from {@code file}, if its bytes were the ones hashing to {@code rawHash}; waits for the
     * read when it is still under way (it started long before).
     *
     * @throws DataFileException the file's own problems, when it is the same bad file
     */
    static Optional<Content> take(Path file, String rawHash) {
        ReadAhead ahead = started;
        Result r = matching(ahead, file, rawHash);
        if (r == null) {
            return Optional.empty();
        }
        if (r.failure() != null) {
            throw r.failure();
        }
        ahead.taken.incrementAndGet();
        return Optional.of(r.content());
    }

    /**
     * The content read ahead from an unchanged {@code file} (one the loader does not parse), if its bytes hash to
     * {@code rawHash} and it read without problems. A file that no longer passes today's rules was validated when
     * it was loaded and stays served from the database, as without the read-ahead.
     */
    static Optional<Content> content(Path file, String rawHash) {
        ReadAhead ahead = started;
        Result r = matching(ahead, file, rawHash);
        if (r == null || r.content() == null) {
            return Optional.empty();
        }
        ahead.taken.incrementAndGet();
        return Optional.of(r.content());
    }

    /**
     * What was read ahead from {@code file}, if its bytes hashed to {@code rawHash}; {@code null} otherwise, or when
     * the read failed (the loader then reads the file itself). Waits while the read is under way.
     */
    private static Result matching(ReadAhead ahead, Path file, String rawHash) {
        CompletableFuture<Result> pending = ahead == null ? null : ahead.results.get(file.toAbsolutePath().normalize());
        Result r = pending == null ? null : pending.exceptionally(unexpected -> null).join();
        return r != null && r.rawHash().equals(rawHash) ? r : null;
    }

    /**
     * Drops every result, so that their documents can be collected (the catalog holds what it serves); called once
     * the loader is done. Returns how many results the loader took.
     */
    static int finish() {
        ReadAhead ahead = started;
        started = null;
        return ahead == null ? 0 : ahead.taken.get();
    }

    private void readAll() {
        results.forEach((file, pending) -> {
            try {
                byte[] bytes = Files.readAllBytes(file);
                String rawHash = ProvisionStore.hash(bytes);
                try {
                    Provision p = DataFileLoader.parse(file, bytes);
                    pending.complete(new Result(rawHash, new Content(p, ProvisionStore.Document.of(p)), null));
                } catch (DataFileException bad) {
                    pending.complete(new Result(rawHash, null, bad));
                }
            } catch (IOException | RuntimeException e) {
                pending.complete(null);   // the loader reads this one itself, and reports what it finds
            }
        });
    }

    private static List<Path> firstFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(dir)) {
            List<Path> sorted = paths.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            if (sorted.size() > MAX_FILES) {
                // A large catalog: its first files are a small part of the start's work, and reading them ahead
                // competed with the boot for the cores (the 1,000-file catalog's second start took ~0.2 s longer).
                return List.of();
            }
            long[] bytes = {0};
            return sorted.stream().limit(MAX_FILES).takeWhile(p -> (bytes[0] += sizeOf(p)) <= MAX_BYTES).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return Long.MAX_VALUE / 2;   // unreadable: stop here, the loader reports it
        }
    }
}
