package org.provisiontimeline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jboss.logging.Logger;
import org.provisiontimeline.provision.CatalogEntry;
import org.provisiontimeline.provision.ProvisionCatalog;
import org.provisiontimeline.status.Category;
import org.provisiontimeline.status.PieceIndex;
import org.provisiontimeline.status.State;
import org.provisiontimeline.status.StatusAnswer;
import org.provisiontimeline.status.Timeline;

/**
 * Status answers as JSON, rendered once per piece of a timeline instead of once per request (issue 15). All days of
 * one piece share every byte of the answer but the date, the dataset version and {@code asOf}, so the first request
 * of a piece renders it with the application's ObjectMapper and keeps the bytes before and after the date; later
 * requests only copy. The spliced answer is compared with the mapper's own once, when the piece is first rendered, so
 * a change to the answer's shape can make the cache miss but never serve different bytes.
 * <p>
 * The cache is bounded ({@link AnswerCache}): past the bound, answers are rendered per request as before.
 */
@Singleton
class StatusJson {

    private static final Logger LOG = Logger.getLogger(StatusJson.class);

    static final String MEDIA_TYPE = "application/json;charset=UTF-8";

    /** The kept view of one category's pieces ({@link CatalogEntry#kept}); the general one's is asked most. */
    private static final String KEY = "status-json/";
    private static final String GENERAL_KEY = KEY + Category.GENERAL;

    private static final String DATE_FIELD = "\"date\":\"";
    private static final String TAIL = "\"datasetVersion\":null,\"asOf\":null}";
    private static final String DATASET_VERSION_FIELD = "\"datasetVersion\":";
    private static final byte[] AS_OF_FIELD = ",\"asOf\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "}".getBytes(StandardCharsets.UTF_8);
    /** A piece whose answer could not be spliced: always rendered whole. */
    private static final Piece WHOLE = new Piece(new int[0], 0);
    /** A piece whose numbers are in its timeline's packed array ({@link Pieces#pack}). */
    private static final Piece PACKED = new Piece(new int[0], 0);
    /**
     * Where a piece's tail is cut into fragments that other pieces share (a cut is only a storage boundary: the
     * fragments are joined back in order, and the result is checked against Jackson). Neighbouring pieces name
     * mostly the same events and sources and differ in a few fields and clauses, so the cuts come before each
     * governing event and source, where a list ends, before the fields that change from piece to piece (since,
     * confidence, an event's role), before a source's publisher (what follows repeats across a dataset's sources),
     * and before the explanation and its clauses. Each cut was kept only if it made the synthetic catalog's kept
     * answers smaller: a reference costs 4 bytes in every piece, so cutting before "until" or at every ". " did not.
     */
    private static final byte[][] CUTS = cuts("{\"id\":\"", "{\"title\":", "],\"", "\"explanation\":\"",
            ",\"since\":", ",\"confidence\":", ",\"role\":", ",\"publisher\":", "; ", " but ", " (since ");
    /** The bytes a cut may begin with: the others need no comparison. */
    private static final boolean[] CUT_START = new boolean[256];

    static {
        for (byte[] cut : CUTS) {
            CUT_START[cut[0] & 0xff] = true;
        }
    }

    /**
     * What keeping a piece costs besides its new fragments: the piece (24 bytes) and the header of its array of
     * fragment numbers (16); each number adds {@link #REFERENCE}.
     */
    private static final int PIECE_OVERHEAD = 40;
    private static final int REFERENCE = 4;

    /** The days a request may ask for: pieces are rendered in the background for a day in this range. */
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private final ObjectMapper mapper;
    private final AnswerCache cache;
    /**
     * Renders every piece of a timeline once its first answer is asked for, one timeline at a time. Without it a
     * catalog warms up by chance: with a random provision and date per request, the last of ~95,000 pieces is first
     * asked after about a million requests. At most 4,096 timelines wait (a catalog of 1,000 provisions has a few
     * thousand); past that a timeline is not queued, and its requests render their own pieces as before.
     */
    private final ExecutorService background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(4096), r -> {
                Thread t = new Thread(r, "answer-prerender");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    StatusJson(ObjectMapper mapper, AnswerCache cache) {
        this.mapper = mapper;
        this.cache = cache;
    }

    /** The JSON of {@code entry.timeline(category).answer(day)} stamped with the entry's version and {@code asOf}. */
    byte[] answer(CatalogEntry entry, String category, LocalDate day, String asOf) {
        // A rendered piece needs neither timeline nor model, which a large catalog may have let go of (issue 15).
        Pieces kept = entry.keptIfPresent(key(category));
        if (kept != null) {
            byte[] answer = kept.splice(kept.index.pieceOf(day), day, asOf == null ? NULL : json(asOf));
            if (answer != null) {
                return answer;
            }
        }
        Timeline timeline = entry.timeline(category);
        Pieces pieces = pieces(entry, category, timeline);
        // A plain read first: a compare-and-set on every request would write the shared flag's cache line.
        if (!pieces.prerender.get() && pieces.prerender.compareAndSet(false, true)) {
            background.execute(() -> renderAll(pieces, timeline, entry));
        }
        int index = timeline.pieceOf(day);
        Piece piece = pieces.rendered.get(index);
        if (piece == null) {
            return renderFirst(pieces, index, timeline, entry, day, asOf);
        }
        byte[] answer = pieces.splice(index, day, asOf == null ? NULL : json(asOf));
        return answer != null ? answer : json(timeline.answer(day).withProvenance(entry.datasetVersion(), asOf));
    }

    /** The state on {@code day}: from the rendered pieces' index when there is one, without the model. */
    State state(CatalogEntry entry, String category, LocalDate day) {
        Pieces kept = entry.keptIfPresent(key(category));
        if (kept != null) {
            return kept.index.state(kept.index.pieceOf(day));
        }
        return entry.timeline(category).state(day);
    }

    /**
     * Whether every answer of the timeline is rendered and kept, so a status request for any day costs copies only
     * and needs no model: it may then run on the event loop even when the model is not in memory.
     */
    boolean answersFromMemory(CatalogEntry entry, String category) {
        Pieces kept = entry.keptIfPresent(key(category));
        return kept != null && kept.complete;
    }

    /** What keeping the piece of {@code day} added to the cache (0 when it is not kept): for tests. */
    int keptSize(CatalogEntry entry, String category, LocalDate day) {
        Timeline timeline = entry.timeline(category);
        return pieces(entry, category, timeline).size(timeline.pieceOf(day));
    }

    /** The rendered pieces of one timeline of {@code entry}'s version, made on first use. */
    private Pieces pieces(CatalogEntry entry, String category, Timeline timeline) {
        return entry.kept(key(category), () -> new Pieces(timeline, entry, cache));
    }

    private static String key(String category) {
        return Category.GENERAL.equals(category) ? GENERAL_KEY : KEY + category;
    }

    /** Renders the pieces nobody has asked for yet, until the cache is full. */
    private void renderAll(Pieces pieces, Timeline timeline, CatalogEntry entry) {
        try {
            boolean all = true;
            int i = 0;
            for (; i < timeline.pieces() && !cache.full(); i++) {
                LocalDate day = timeline.pieceStart(i).isBefore(FIRST_DAY) ? FIRST_DAY : timeline.pieceStart(i);
                boolean askable = !day.isAfter(LAST_DAY)
                        && (i + 1 == timeline.pieces() || day.isBefore(timeline.pieceStart(i + 1)));
                if (askable && pieces.rendered.get(i) == null) {
                    renderFirst(pieces, i, timeline, entry, day, null);
                }
                Piece piece = pieces.rendered.get(i);
                all &= !askable || piece != null && piece != WHOLE;
            }
            pieces.fragments.trim();
            if (all && i == timeline.pieces()) {
                pieces.pack();
                // Every day a request may ask for now has its rendered piece: answers need no model any more.
                pieces.complete = true;
            }
        } catch (RuntimeException e) {   // requests render their own pieces, and fail the same way if they must
            LOG.warnf("rendering the answers of %s (%s) in the background stopped: %s", entry.id(),
                    timeline.category(), e.getMessage());
        }
    }

    /**
     * After the loader (a later startup observer), renders today's answer of the first provision in the background
     * while the framework opens its ports: the first request then finds the status path's classes loaded, compiled
     * code warming and a timeline built, instead of paying for them itself (~50 ms of the first answer after
     * {@code java -jar}, issue 15). Only one answer, so a large catalog's start is not held up.
     */
    void warmUp(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent start, ProvisionCatalog catalog,
                Clock clock) {
        catalog.all().stream().findFirst().ifPresent(entry -> warmUp(entry, LocalDate.now(clock)));
    }

    /** Renders {@code entry}'s general answer for {@code day} in the background, the way a request would. */
    void warmUp(CatalogEntry entry, LocalDate day) {
        background.execute(() -> {
            try {
                answer(entry, Category.GENERAL, day, null);
            } catch (RuntimeException e) {   // a provision without the general category: its requests say so
                LOG.debugf("warming the status path with %s: %s", entry.id(), e.getMessage());
            }
        });
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** Waits until the pieces queued for background rendering are rendered: for tests that count kept bytes. */
    void awaitBackground() throws Exception {
        background.submit(() -> { }).get(30, TimeUnit.SECONDS);
    }

    private byte[] renderFirst(Pieces pieces, int index, Timeline timeline, CatalogEntry entry, LocalDate day,
                               String asOf) {
        StatusAnswer answer = timeline.answer(day);
        byte[] whole = json(answer.withProvenance(entry.datasetVersion(), asOf));
        if (cache.full()) {
            return whole;   // the cache is full: render per request, without the work of splitting
        }
        List<byte[]> fragments = split(new String(json(answer), StandardCharsets.UTF_8), day);
        Piece piece = WHOLE;
        if (fragments != null) {
            int size = pieces.sizeOf(fragments);
            if (!pieces.account.reserve(size)) {
                return whole;   // over the bound: render per request, try again later
            }
            piece = pieces.keep(fragments, size);
            if (!Arrays.equals(whole, splice(pieces.fragments, piece.ids(), null, 0, piece.ids().length, day,
                    pieces.datasetVersion, asOf == null ? NULL : json(asOf)))) {
                piece = WHOLE;   // its fragments stay kept (and counted): the table only grows
            }
        }
        if (!pieces.rendered.compareAndSet(index, null, piece) && piece != WHOLE) {
            pieces.account.release(piece.size());   // another request rendered it first
        }
        return whole;
    }

    /**
     * The bytes before and after the date of an answer rendered without dataset version and asOf: the head, then the
     * tail cut into fragments ({@link #CUTS}); {@code null} when the answer cannot be spliced.
     */
    private static List<byte[]> split(String json, LocalDate day) {
        String date = DATE_FIELD + day + "\"";
        int at = json.indexOf(date);
        if (at < 0 || !json.endsWith(TAIL)) {
            return null;
        }
        byte[] head = json.substring(0, at + DATE_FIELD.length()).getBytes(StandardCharsets.UTF_8);
        byte[] tail = (json.substring(at + date.length() - 1, json.length() - TAIL.length())
                + DATASET_VERSION_FIELD).getBytes(StandardCharsets.UTF_8);
        List<byte[]> fragments = new ArrayList<>();
        fragments.add(head);
        int from = 0;
        for (int i = 1; i < tail.length; i++) {
            if (startsCut(tail, i)) {
                fragments.add(Arrays.copyOfRange(tail, from, i));
                from = i;
            }
        }
        fragments.add(Arrays.copyOfRange(tail, from, tail.length));
        return fragments;
    }

    private static byte[][] cuts(String... cuts) {
        byte[][] out = new byte[cuts.length][];
        for (int i = 0; i < cuts.length; i++) {
            out[i] = cuts[i].getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    private static boolean startsCut(byte[] bytes, int at) {
        if (!CUT_START[bytes[at] & 0xff]) {
            return false;
        }
        for (byte[] cut : CUTS) {
            if (at + cut.length <= bytes.length && Arrays.equals(bytes, at, at + cut.length, cut, 0, cut.length)) {
                return true;
            }
        }
        return false;
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a status answer", e);
        }
    }

    /** The rendered pieces of one timeline of one version, and the fragments they share. */
    private static final class Pieces {
        final AtomicReferenceArray<Piece> rendered;
        final byte[] datasetVersion;
        final AnswerCache.Account account;
        /**
         * Fragments kept by this timeline's pieces, each once: neighbouring pieces share most governing events,
         * sources and clauses, so the synthetic 1,000-provision catalog keeps a piece in ~0.5 KB, not ~1.3 KB.
         */
        final FragmentTable fragments = new FragmentTable();
        /** Whether the background rendering of this timeline's pieces was queued. */
        final AtomicBoolean prerender = new AtomicBoolean();
        /** Where the pieces begin: the timeline's own index, which refers to nothing of the model. */
        final PieceIndex index;
        /** Whether every piece a request may ask for is rendered and kept (set by the background rendering). */
        volatile boolean complete;
        /** The pieces' fragment numbers once all are rendered ({@link #pack}); {@code null} before. */
        volatile Packed packed;

        Pieces(Timeline timeline, CatalogEntry entry, AnswerCache cache) {
            this.index = timeline.pieceIndex();
            this.rendered = new AtomicReferenceArray<>(timeline.pieces());
            // A dataset version is 12 hex digits: its JSON string needs no escaping.
            this.datasetVersion = ("\"" + entry.datasetVersion() + "\"").getBytes(StandardCharsets.UTF_8);
            this.account = cache.open(this);
        }

        /** The answer of piece {@code i} on {@code day} from its kept bytes, or {@code null} if it is not kept. */
        byte[] splice(int i, LocalDate day, byte[] asOf) {
            Packed p = packed;
            if (p != null && p.offsets[i] < p.offsets[i + 1]) {
                return StatusJson.splice(fragments, null, p.ids, p.offsets[i], p.offsets[i + 1], day, datasetVersion,
                        asOf);
            }
            Piece piece = rendered.get(i);
            return piece == null || piece == WHOLE || piece == PACKED ? null
                    : StatusJson.splice(fragments, piece.ids(), null, 0, piece.ids().length, day, datasetVersion, asOf);
        }

        /** What keeping piece {@code i} added to the cache (0 when it is not kept). */
        int size(int i) {
            Packed p = packed;
            if (p != null && p.offsets[i] < p.offsets[i + 1]) {
                return p.sizes[i];
            }
            Piece piece = rendered.get(i);
            return piece == null || piece == PACKED ? 0 : piece.size();
        }

        /**
         * Once every piece is rendered, stores their fragment numbers end to end in one array of chars instead of
         * an array of ints and a piece object each: ~100,000 objects and ~10 MiB less for a 1,000-provision
         * catalog, which kept its heap above the collector's threshold for marking (issue 15). The bytes saved go
         * back to the bound. A table of more than 65,536 fragments (a provision of thousands of events) stays as it
         * is: its numbers do not fit in a char.
         */
        void pack() {
            int n = rendered.length();
            if (fragments.size() > Character.MAX_VALUE + 1 || packed != null) {
                return;
            }
            Piece[] pieces = new Piece[n];
            int total = 0;
            for (int i = 0; i < n; i++) {
                Piece piece = rendered.get(i);
                pieces[i] = piece == null || piece == WHOLE ? null : piece;
                total += pieces[i] == null ? 0 : pieces[i].ids().length;
            }
            char[] ids = new char[total];
            int[] offsets = new int[n + 1];
            int[] sizes = new int[n];
            long saved = 0;
            for (int i = 0; i < n; i++) {
                int at = offsets[i];
                if (pieces[i] != null) {
                    for (int id : pieces[i].ids()) {
                        ids[at++] = (char) id;
                    }
                    int overhead = PIECE_OVERHEAD + REFERENCE * pieces[i].ids().length;
                    int packedOverhead = PACKED_OVERHEAD + PACKED_REFERENCE * pieces[i].ids().length;
                    sizes[i] = pieces[i].size() - overhead + packedOverhead;
                    saved += overhead - packedOverhead;
                }
                offsets[i + 1] = at;
            }
            packed = new Packed(ids, offsets, sizes);
            for (int i = 0; i < n; i++) {
                if (pieces[i] != null) {
                    rendered.compareAndSet(i, pieces[i], PACKED);   // the piece and its ints are garbage now
                }
            }
            account.release(saved);
        }

        /** What keeping {@code fragments} as a piece would add: only the fragments not kept yet count. */
        int sizeOf(List<byte[]> fragments) {
            int size = PIECE_OVERHEAD + REFERENCE * fragments.size();
            for (byte[] f : fragments) {
                size += this.fragments.contains(f) ? 0 : f.length + FragmentTable.OVERHEAD;
            }
            return size;
        }

        /** A piece of {@code fragments}, each added to this timeline's table unless an equal one is there. */
        Piece keep(List<byte[]> fragments, int size) {
            int[] ids = new int[fragments.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = this.fragments.intern(fragments.get(i));
            }
            return new Piece(ids, size);
        }
    }

    /**
     * An answer's JSON around its date, as the numbers of its fragments in the timeline's table: the head, the date,
     * the other fragments, then version and asOf; {@code size} is what keeping it added to the cache.
     */
    private record Piece(int[] ids, int size) {
    }

    /**
     * Every piece of a timeline as fragment numbers end to end: piece {@code i} is {@code ids[offsets[i]]} to
     * {@code ids[offsets[i + 1] - 1]} (none: not kept); {@code sizes[i]} is what keeping it adds to the cache.
     */
    private record Packed(char[] ids, int[] offsets, int[] sizes) {
    }

    /** A packed piece costs its offset and size (8 bytes) and 2 bytes per fragment number. */
    private static final int PACKED_OVERHEAD = 8;
    private static final int PACKED_REFERENCE = 2;

    /**
     * The answer on {@code day} made of the fragments numbered {@code wide[from..to)} (or {@code narrow[from..to)}:
     * exactly one is given): the head, the date, the other fragments, then version and asOf.
     */
    private static byte[] splice(FragmentTable table, int[] wide, char[] narrow, int from, int to, LocalDate day,
                                 byte[] datasetVersion, byte[] asOf) {
        byte[] date = day.toString().getBytes(StandardCharsets.US_ASCII);
        int length = date.length + datasetVersion.length + AS_OF_FIELD.length + asOf.length + END.length;
        for (int k = from; k < to; k++) {
            length += table.length(wide != null ? wide[k] : narrow[k]);
        }
        byte[] out = new byte[length];
        int at = table.copy(wide != null ? wide[from] : narrow[from], out, 0);
        at = put(out, at, date);
        for (int k = from + 1; k < to; k++) {
            at = table.copy(wide != null ? wide[k] : narrow[k], out, at);
        }
        at = put(out, at, datasetVersion);
        at = put(out, at, AS_OF_FIELD);
        at = put(out, at, asOf);
        put(out, at, END);
        return out;
    }

    private static int put(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }
}
