package org.provisiontimeline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.provisiontimeline.provision.CatalogEntry;
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

    static final String MEDIA_TYPE = "application/json;charset=UTF-8";

    private static final String DATE_FIELD = "\"date\":\"";
    private static final String TAIL = "\"datasetVersion\":null,\"asOf\":null}";
    private static final String DATASET_VERSION_FIELD = "\"datasetVersion\":";
    private static final byte[] AS_OF_FIELD = ",\"asOf\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "}".getBytes(StandardCharsets.UTF_8);
    /** A piece whose answer could not be spliced: always rendered whole. */
    private static final Piece WHOLE = new Piece(new byte[0], new byte[0]);

    private final ObjectMapper mapper;
    private final AnswerCache cache;

    StatusJson(ObjectMapper mapper, AnswerCache cache) {
        this.mapper = mapper;
        this.cache = cache;
    }

    /** The JSON of {@code entry.timeline(category).answer(day)} stamped with the entry's version and {@code asOf}. */
    byte[] answer(CatalogEntry entry, String category, LocalDate day, String asOf) {
        Timeline timeline = entry.timeline(category);
        Pieces pieces = entry.view("status-json/" + category, () -> new Pieces(timeline, entry, cache));
        int index = timeline.pieceOf(day);
        Piece piece = pieces.rendered.get(index);
        if (piece == null) {
            return renderFirst(pieces, index, timeline, entry, day, asOf);
        }
        if (piece == WHOLE) {
            return json(timeline.answer(day).withProvenance(entry.datasetVersion(), asOf));
        }
        return piece.splice(day, pieces.datasetVersion, asOf == null ? NULL : json(asOf));
    }

    private byte[] renderFirst(Pieces pieces, int index, Timeline timeline, CatalogEntry entry, LocalDate day,
                               String asOf) {
        StatusAnswer answer = timeline.answer(day);
        byte[] whole = json(answer.withProvenance(entry.datasetVersion(), asOf));
        if (cache.full()) {
            return whole;   // the cache is full: render per request, without the work of splitting
        }
        Piece piece = split(new String(json(answer), StandardCharsets.UTF_8), day);
        if (piece != WHOLE && !Arrays.equals(whole, piece.splice(day, pieces.datasetVersion,
                asOf == null ? NULL : json(asOf)))) {
            piece = WHOLE;
        }
        if (piece != WHOLE && !pieces.account.reserve(piece.size())) {
            return whole;   // over the bound: render per request, try again later
        }
        if (!pieces.rendered.compareAndSet(index, null, piece) && piece != WHOLE) {
            pieces.account.release(piece.size());   // another request rendered it first
        }
        return whole;
    }

    /** The bytes before and after the date of an answer rendered without dataset version and asOf. */
    private static Piece split(String json, LocalDate day) {
        String date = DATE_FIELD + day + "\"";
        int at = json.indexOf(date);
        if (at < 0 || !json.endsWith(TAIL)) {
            return WHOLE;
        }
        String head = json.substring(0, at + DATE_FIELD.length());
        String tail = json.substring(at + date.length() - 1, json.length() - TAIL.length())
                + DATASET_VERSION_FIELD;
        return new Piece(head.getBytes(StandardCharsets.UTF_8), tail.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a status answer", e);
        }
    }

    /** The rendered pieces of one timeline of one version. */
    private static final class Pieces {
        final AtomicReferenceArray<Piece> rendered;
        final byte[] datasetVersion;
        final AnswerCache.Account account;

        Pieces(Timeline timeline, CatalogEntry entry, AnswerCache cache) {
            this.rendered = new AtomicReferenceArray<>(timeline.pieces());
            // A dataset version is 12 hex digits: its JSON string needs no escaping.
            this.datasetVersion = ("\"" + entry.datasetVersion() + "\"").getBytes(StandardCharsets.UTF_8);
            this.account = cache.open(this);
        }
    }

    /** An answer's JSON around its date: {@code head}, the date, {@code tail}, then version and asOf. */
    private record Piece(byte[] head, byte[] tail) {

        int size() {
            return head.length + tail.length;
        }

        byte[] splice(LocalDate day, byte[] datasetVersion, byte[] asOf) {
            byte[] date = day.toString().getBytes(StandardCharsets.US_ASCII);
            byte[] out = new byte[head.length + date.length + tail.length + datasetVersion.length
                    + AS_OF_FIELD.length + asOf.length + END.length];
            int at = 0;
            for (byte[] part : new byte[][] {head, date, tail, datasetVersion, AS_OF_FIELD, asOf, END}) {
                System.arraycopy(part, 0, out, at, part.length);
                at += part.length;
            }
            return out;
        }
    }
}
