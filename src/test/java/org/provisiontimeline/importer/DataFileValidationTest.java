package org.provisiontimeline.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A broken data file is rejected with one message naming the file, the event, the field and the problem. */
class DataFileValidationTest {

    private static final Path REAL = Path.of("data/us-fsa-907.json");

    @TempDir
    Path dir;

    private final DataFileLoader loader = new DataFileLoader(null, null, Path.of("unused"));

    @Test
    void theCuratedDatasetIsValid() {
        DataFileLoader.DataFile f = loader.read(REAL);
        assertEquals("us-fsa-907", f.provision().id());
        assertTrue(f.provision().events().size() >= 30);
    }

    /** Each row breaks one field of one real event by replacing text in the real file. */
    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', textBlock = """
        "date": "2002-01-25"                | "date": "2002-02-30"                  | event 2002-01-25-pd-2002-06, field date (/events/15/date): '2002-02-30' is not a real calendar date
        "effect": "SUSPEND"                 | "effect": "PAUSE"                     | field effect (/events/15/effect): 'PAUSE' is not one of
        "confidence": "CONFIRMED"           | "confidence": "SURE"                  | event 1992-02-04-hr-4161-introduced, field confidence (/events/0/confidence): 'SURE' is not one of
        "id": "2002-01-25-pd-2002-06"       | "id": "2003-01-17-pd-2003-12"         | event 2003-01-17-pd-2003-12, field id (/events/17/id): event id '2003-01-17-pd-2003-12' is used twice
        "legalEffect": true                 | "legalEffect": "yes"                  | field legalEffect (/events/5/legalEffect): expected true or false but found the string
        "type": "ENACTED"                   | "type": "ENACTED", "colour": "red"    | event 1992-10-24-enactment, field colour (/events/5/colour): unknown field 'colour'
        """)
    void aBrokenEventIsNamedPrecisely(String original, String replacement, String expected) throws IOException {
        String text = Files.readString(REAL, StandardCharsets.UTF_8);
        int at = text.indexOf(original);
        assertTrue(at >= 0, "fixture text not found: " + original);
        Path broken = dir.resolve("us-fsa-907.json");
        Files.writeString(broken, text.substring(0, at) + replacement + text.substring(at + original.length()));

        DataFileException e = assertThrows(DataFileException.class, () -> loader.read(broken));
        assertTrue(e.getMessage().startsWith(broken.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void everyProblemOfAFileIsListedNotOnlyTheFirst() throws IOException {
        String text = Files.readString(REAL, StandardCharsets.UTF_8)
                .replace("\"date\": \"2002-01-25\"", "\"date\": \"2002-13-25\"")
                .replace("\"effect\": \"IMPOSE\"", "\"effect\": \"IMPOSES\"");
        Path broken = dir.resolve("us-fsa-907.json");
        Files.writeString(broken, text);
        DataFileException e = assertThrows(DataFileException.class, () -> loader.read(broken));
        assertTrue(e.getMessage().contains("(2 problems)"), e.getMessage());
        assertTrue(e.getMessage().contains("'2002-13-25'"), e.getMessage());
        assertTrue(e.getMessage().contains("'IMPOSES'"), e.getMessage());
    }

    @Test
    void aSemanticRuleNamesItsField() throws IOException {
        String text = Files.readString(REAL, StandardCharsets.UTF_8)
                .replaceFirst("\"effect\": \"SUSPEND\",\\s*\"legalEffect\": true", "\"effect\": \"SUSPEND\", \"legalEffect\": false");
        Path broken = dir.resolve("us-fsa-907.json");
        Files.writeString(broken, text);
        DataFileException e = assertThrows(DataFileException.class, () -> loader.read(broken));
        assertTrue(e.getMessage().contains("field legalEffect"), e.getMessage());
        assertTrue(e.getMessage().contains("must be true: an event with effect SUSPEND changes the law"),
                e.getMessage());
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() throws IOException {
        Path broken = dir.resolve("us-fsa-907.json");
        Files.writeString(broken, "{\n  \"id\": \"us-fsa-907\",\n  \"title\": \n}");
        DataFileException e = assertThrows(DataFileException.class, () -> loader.read(broken));
        assertTrue(e.getMessage().contains("malformed JSON at line 4"), e.getMessage());
    }

    @Test
    void theFileNameMustMatchTheProvisionId() throws IOException {
        Path misnamed = dir.resolve("section-907.json");
        Files.copy(REAL, misnamed);
        DataFileException e = assertThrows(DataFileException.class, () -> loader.read(misnamed));
        assertTrue(e.getMessage().contains("must be named us-fsa-907.json"), e.getMessage());
    }

    @Test
    void missingRequiredFieldsAreEachReported() throws IOException {
        Path broken = dir.resolve("x-act.json");
        Files.writeString(broken, "{\"id\": \"x-act\", \"events\": [{\"id\": \"e1\"}]}");
        DataFileException e = assertThrows(DataFileException.class, () -> loader.read(broken));
        for (String field : new String[] {"field title (/title)", "field checkedThrough", "event e1, field date",
                "event e1, field sources", "general"}) {
            assertTrue(e.getMessage().contains(field), field + " in " + e.getMessage());
        }
    }
}
