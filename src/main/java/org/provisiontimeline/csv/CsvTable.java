package org.provisiontimeline.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An export's columns, and how rows of them are written: RFC 4180 with CRLF, UTF-8, a header row, blank for null,
 * optional BOM, and every cell that a spreadsheet would run as a formula neutralised (CWE-1236).
 */
final class CsvTable<T> {

    static final String MEDIA_TYPE = "text/csv; charset=utf-8; header=present";
    static final CsvMapper MAPPER = new CsvMapper();

    private final String title;
    private final List<Column<T>> columns;

    CsvTable(String title, List<Column<T>> columns) {
        this.title = title;
        this.columns = List.copyOf(columns);
    }

    List<Column<T>> columns() {
        return columns;
    }

    String title() {
        return title;
    }

    List<String> header() {
        return columns.stream().map(Column::name).toList();
    }

    /** Writes the header and one line per row; the stream is flushed, not closed. */
    void write(Iterable<T> rows, OutputStream out, boolean bom) throws IOException {
        try (Rows writer = open(out, header(), bom)) {
            for (T row : rows) {
                String[] cells = new String[columns.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = neutralise(columns.get(i).cell().apply(row));   // null becomes blank
                }
                writer.write(cells);
            }
        }
    }

    /** A CSV row writer over {@code out} with the given header already written. */
    static Rows open(OutputStream out, List<String> header, boolean bom) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (bom) {
            w.write('\uFEFF');
        }
        CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n").withoutHeader();
        // No flush per row: rows leave in full buffers, not one HTTP chunk each.
        SequenceWriter seq = MAPPER.writer(schema).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).writeValues(w);
        Rows rows = new Rows(seq, w);
        rows.write(header.toArray(String[]::new));
        return rows;
    }

    /** Writes rows of cells; closing flushes without closing the underlying stream. */
    static final class Rows implements AutoCloseable {
        private final SequenceWriter seq;
        private final Writer writer;

        Rows(SequenceWriter seq, Writer writer) {
            this.seq = seq;
            this.writer = writer;
        }

        void write(String[] cells) throws IOException {
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] == null) {
                    cells[i] = "";   // Jackson drops null array elements, which would shift the columns
                }
            }
            seq.write(cells);
        }

        @Override
        public void close() throws IOException {
            seq.flush();
            writer.flush();
        }
    }

    /**
     * A cell starting with {@code = + - @}, TAB or CR is prefixed with an apostrophe, so spreadsheet software shows
     * it as text instead of evaluating it (OWASP CSV injection guidance).
     */
    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";   // Jackson drops null array elements, which would shift the columns
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }

    /** W3C CSV on the Web (Tabular Metadata) description of this table, served next to the export. */
    Map<String, Object> csvw(String url) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@context", "http://www.w3.org/ns/csvw");
        m.put("url", url);
        m.put("dc:title", title);
        m.put("dialect", Map.of("header", true, "encoding", "utf-8", "lineTerminators", List.of("\r\n"),
                "doubleQuote", true));
        List<Map<String, Object>> cols = new ArrayList<>();
        for (Column<T> c : columns) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("name", c.name());
            col.put("titles", c.name());
            col.put("datatype", c.datatype());
            col.put("null", "");
            if (c.separator() != null) {
                col.put("separator", c.separator());
            }
            col.put("dc:description", c.description());
            cols.add(col);
        }
        m.put("tableSchema", Map.of("columns", cols));
        return m;
    }
}
