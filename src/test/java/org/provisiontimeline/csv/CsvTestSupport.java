package org.provisiontimeline.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.List;

/** Parses our CSV output with a real CSV parser, as a researcher's tool would. */
final class CsvTestSupport {

    private CsvTestSupport() {
    }

    static List<String[]> parse(String csv) throws IOException {
        try (MappingIterator<String[]> it = new CsvMapper().readerFor(String[].class)
                .with(CsvSchema.emptySchema().withoutHeader()).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(csv)) {
            return it.readAll();
        }
    }
}
