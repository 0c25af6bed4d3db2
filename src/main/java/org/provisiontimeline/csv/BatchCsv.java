package org.provisiontimeline.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.provisiontimeline.api.ApiException;
import org.provisiontimeline.api.Problem.ProblemError;
import org.provisiontimeline.status.StatusBrief;
import org.provisiontimeline.status.Timeline;

/**
 * Annotates a CSV of the researcher's rows with the status on each row's date, one row at a time: every input column
 * and row is kept as it was, in order, and the status columns are appended. Memory use does not depend on the size
 * of the file.
 */
final class BatchCsv implements AutoCloseable {

    static final List<String> STATUS_COLUMNS = List.of("restricted", "state", "since", "until", "confidence",
            "governing_event_ids", "error");
    static final int MAX_REPORTED_LINES = 100;

    /** Rows annotated, on /q/metrics (issue 12); the global registry carries it to Quarkus' one. */
    private static final Counter CSV_ROWS = Metrics.counter("timeline.batch.rows", "format", "csv");
    private final MappingIterator<String[]> rows;
    private final String[] header;
    private final int dateIndex;

    private BatchCsv(MappingIterator<String[]> rows, String[] header, int dateIndex) {
        this.rows = rows;
        this.header = header;
        this.dateIndex = dateIndex;
    }

    /**
     * Reads the header row (a leading BOM is tolerated) and finds the date column.
     *
     * @throws ApiException 422 for an empty file, a missing or ambiguous date column
     */
    static BatchCsv open(UploadSpool spool, long maxBytes, String column) throws IOException {
        InputStream in = spool.open(maxBytes);
        try {
            return open(in, column);
        } catch (IOException | RuntimeException e) {
            in.close();   // a refused file must not keep its spool file open
            throw e;
        }
    }

    private static BatchCsv open(InputStream in, String column) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        MappingIterator<String[]> it = CsvTable.MAPPER.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withoutHeader())
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(reader);
        String[] header;
        try {
            if (!it.hasNext()) {
                throw unprocessable("The CSV is empty: expected a header row naming a '" + column + "' column.",
                        null);
            }
            header = it.next();
        } catch (RuntimeException e) {
            if (e instanceof ApiException) {
                throw e;
            }
            throw unprocessable("The header row is not valid CSV: " + reason(e), 1L);
        }
        int index = -1;
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(column)) {
                if (index >= 0) {
                    throw unprocessable("The header names the date column '" + column + "' twice (columns "
                            + (index + 1) + " and " + (i + 1) + "); rename one or pick another with ?column=.", 1L);
                }
                index = i;
            }
        }
        if (index < 0) {
            throw unprocessable("The header has no column '" + column + "'; its columns are "
                    + Arrays.toString(header) + ". Name the date column with ?column=.", 1L);
        }
        return new BatchCsv(it, header, index);
    }

    /** The output header: the input's, then the status columns (prefixed {@code status_} if the input has them). */
    List<String> outputHeader() {
        List<String> out = new ArrayList<>(Arrays.asList(header));
        Set<String> taken = new HashSet<>(out);
        for (String c : STATUS_COLUMNS) {
            String name = c;
            while (taken.contains(name)) {
                name = "status_" + name;
            }
            taken.add(name);
            out.add(name);
        }
        return out;
    }

    /** Checks every row's date without writing; returns the (1-based, header = 1) lines of the first bad rows. */
    List<ProblemError> badLines() throws IOException {
        List<ProblemError> bad = new ArrayList<>();
        long line = 1;
        for (Row next = nextRow(); next.cells() != null; next = nextRow()) {
            if (next.malformed() != null) {
                bad.add(ProblemError.atLine(line + 1, "not valid CSV from here on: " + next.malformed()));
                break;
            }
            String[] row = next.cells();
            line++;
            String problem = problem(row);
            if (problem != null && bad.size() < MAX_REPORTED_LINES) {
                bad.add(ProblemError.atLine(line, problem));
            }
        }
        return bad;
    }

    /** Writes the annotated CSV: header, then every input row with its status cells, in input order. */
    void annotate(Timeline timeline, OutputStream out, boolean bom, boolean neutraliseInput) throws IOException {
        int width = header.length + STATUS_COLUMNS.size();
        List<String> outHeader = outputHeader();
        if (neutraliseInput) {
            outHeader.replaceAll(CsvTable::neutralise);   // the researcher's header is input too
        }
        try (CsvTable.Rows writer = CsvTable.open(out, outHeader, bom)) {
            for (Row next = nextRow(); next.cells() != null; next = nextRow()) {
                if (next.malformed() != null) {
                    // The status line has gone out already; say where reading stopped, in the file itself.
                    String[] cells = new String[width];
                    Arrays.fill(cells, "");
                    cells[width - 1] = "unreadable CSV after this point, nothing more was annotated: "
                            + next.malformed();
                    writer.write(cells);
                    return;
                }
                String[] row = next.cells();
                String[] cells = Arrays.copyOf(row, Math.max(width, row.length + STATUS_COLUMNS.size()));
                if (neutraliseInput) {
                    for (int i = 0; i < row.length; i++) {
                        cells[i] = CsvTable.neutralise(cells[i]);
                    }
                }
                int at = Math.max(header.length, row.length);
                for (int i = row.length; i < at; i++) {
                    cells[i] = "";   // a short row is padded so the status columns line up
                }
                String problem = problem(row);
                if (problem == null) {
                    StatusBrief b = timeline.brief(DayCell.parse(row[dateIndex]));
                    cells[at] = Exports.bool(b.restricted());
                    cells[at + 1] = b.state().name();
                    cells[at + 2] = Exports.text(b.since());
                    cells[at + 3] = Exports.text(b.until());
                    cells[at + 4] = b.confidence().name();
                    cells[at + 5] = String.join(" ", b.governingEventIds());
                } else {
                    cells[at + 6] = problem;
                }
                writer.write(cells);
                CSV_ROWS.increment();
            }
        }
    }

    /** One read: a record, the end ({@code cells == null}), or where the CSV stopped being valid. */
    private record Row(String[] cells, String malformed) {
    }

    private Row nextRow() {
        try {
            return new Row(rows.hasNext() ? rows.next() : null, null);
        } catch (RuntimeException e) {
            return new Row(new String[0], reason(e));
        }
    }

    /** Jackson's reason without its location suffix and class names. */
    private static String reason(RuntimeException e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String m = t instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                : t.getMessage();
        return m == null ? "unreadable input" : m.replaceAll("\\s+", " ").replaceAll("\\(class [^)]*\\)", "");
    }

    /** Why a row cannot be annotated, or {@code null}. */
    private String problem(String[] row) {
        if (row.length > header.length) {
            return "the row has " + row.length + " fields but the header has " + header.length;
        }
        if (dateIndex >= row.length) {
            return "the row has no '" + header[dateIndex] + "' field";
        }
        try {
            DayCell.parse(row[dateIndex]);
            return null;
        } catch (DateTimeException e) {
            return e.getMessage();
        }
    }

    private static ApiException unprocessable(String detail, Long line) {
        return new ApiException(422, "invalid-csv", "Invalid CSV", detail,
                line == null ? null : List.of(ProblemError.atLine(line, detail)));
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
