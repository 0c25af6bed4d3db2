package org.provisiontimeline.csv;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CsvExportTest {

    private static final String EVENTS = "/api/provisions/us-fsa-907/events";
    private static final String TIMELINE = "/api/provisions/us-fsa-907/timeline";
    private static final List<String> EVENT_COLUMNS = List.of("provision_id", "event_id", "date", "date_precision",
            "type", "effect", "legal_effect", "effective_from", "effective_until", "signed", "effective", "published",
            "reported_to_congress", "title", "actor", "instrument_citation", "instrument_url", "confidence",
            "source_titles", "source_urls", "dataset_version");

    @Test
    void eventsCsvRoundTripsToTheJsonEvents() throws IOException {
        Response csv = given().accept("text/csv").when().get(EVENTS);
        csv.then().statusCode(200)
                .contentType("text/csv; charset=utf-8; header=present")
                .header("Content-Disposition", startsWith("attachment; filename=\"us-fsa-907_events_"));
        String body = csv.asString();
        assertTrue(body.contains("\r\n"), "CRLF line ends");
        List<String[]> rows = CsvTestSupport.parse(body);
        List<String> header = Arrays.asList(rows.get(0));
        assertEquals(EVENT_COLUMNS, header.subList(0, EVENT_COLUMNS.size()), "spec columns first, in order");

        List<Map<String, Object>> json = given().when().get(EVENTS).then().extract().jsonPath().getList("$");
        assertEquals(json.size(), rows.size() - 1);
        for (int i = 0; i < json.size(); i++) {
            Map<String, Object> e = json.get(i);
            String[] r = rows.get(i + 1);
            assertEquals(header.size(), r.length, "row " + i);
            assertEquals(e.get("id"), r[header.indexOf("event_id")]);
            assertEquals(e.get("date"), r[header.indexOf("date")], "partial dates kept partial");
            assertEquals(String.valueOf(e.get("legalEffect")), r[header.indexOf("legal_effect")]);
            assertEquals(e.get("effectiveUntil") == null ? "" : e.get("effectiveUntil"),
                    r[header.indexOf("effective_until")], "blank for null");
            assertEquals(e.get("confidence"), r[header.indexOf("confidence")]);
            assertEquals(((List<?>) e.get("sources")).size(),
                    r[header.indexOf("source_titles")].split(" \\| ", -1).length);
        }
    }

    @Test
    void datePrecisionNamesHowPreciseEachDateIs() throws IOException {
        List<String[]> rows = CsvTestSupport.parse(given().when().get(EVENTS + ".csv").asString());
        List<String> header = Arrays.asList(rows.get(0));
        Map<String, String> precisionById = new java.util.HashMap<>();
        rows.stream().skip(1).forEach(r -> precisionById.put(r[header.indexOf("event_id")],
                r[header.indexOf("date_precision")]));
        assertEquals("month", precisionById.get("2020-03-biegun-waiver"));
        assertEquals("year", precisionById.get("2019-first-trump-era-waiver"));
        assertEquals("range", precisionById.get("2023-06-21-waiver-lapse"));
        assertEquals("day", precisionById.get("2025-08-08-trump-memorandum"));
    }

    @Test
    void theSuffixAndTheAcceptHeaderGiveTheSameFileAndFiltersApply() {
        String viaAccept = given().accept("text/csv").queryParam("type", "WAIVER_EXTENSION")
                .when().get(EVENTS).asString();
        String viaSuffix = given().queryParam("type", "WAIVER_EXTENSION").when().get(EVENTS + ".csv").asString();
        assertEquals(viaAccept, viaSuffix);
        assertEquals(1 + given().queryParam("type", "WAIVER_EXTENSION").when().get(EVENTS)
                .then().extract().jsonPath().getList("$").size(), viaSuffix.split("\r\n").length);
        given().queryParam("type", "NOPE").when().get(EVENTS + ".csv")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void jsonStaysTheDefault() {
        given().accept("*/*").when().get(EVENTS).then().statusCode(200).contentType("application/json");
        given().when().get(EVENTS).then().statusCode(200).contentType("application/json");
    }

    @Test
    void timelineCsvMatchesTheJsonIntervals() throws IOException {
        List<String[]> rows = CsvTestSupport.parse(given().accept("text/csv").when().get(TIMELINE).asString());
        List<String> header = Arrays.asList(rows.get(0));
        assertEquals(List.of("provision_id", "from", "to", "state", "restricted", "confidence", "event_ids",
                "dataset_version"), header.subList(0, 8));
        List<Map<String, Object>> json = given().when().get(TIMELINE).then().extract().jsonPath().getList("intervals");
        assertEquals(json.size(), rows.size() - 1);
        for (int i = 0; i < json.size(); i++) {
            Map<String, Object> j = json.get(i);
            String[] r = rows.get(i + 1);
            assertEquals(j.get("from") == null ? "" : j.get("from"), r[1]);
            assertEquals(j.get("to") == null ? "" : j.get("to"), r[2]);
            assertEquals(j.get("state"), r[3]);
            assertEquals(j.get("restricted") == null ? "" : String.valueOf(j.get("restricted")), r[4]);
            assertEquals(String.join(" | ", (List<String>) j.get("eventIds")), r[6]);
        }
    }

    @Test
    void bomIsOptIn() {
        byte[] plain = given().when().get(TIMELINE + ".csv").asByteArray();
        byte[] bom = given().queryParam("bom", "true").when().get(TIMELINE + ".csv").asByteArray();
        assertEquals('p', plain[0]);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bom[0], bom[1], bom[2]));
        assertEquals(new String(plain, StandardCharsets.UTF_8),
                new String(bom, 3, bom.length - 3, StandardCharsets.UTF_8));
    }

    @Test
    void provisionListAsCsv() throws IOException {
        List<String[]> rows = CsvTestSupport.parse(given().accept("text/csv").when().get("/api/provisions").asString());
        assertEquals("provision_id", rows.get(0)[0]);
        assertTrue(rows.stream().anyMatch(r -> r[0].equals("us-fsa-907")));
        given().when().get("/api/provisions.csv").then().statusCode(200).contentType(containsString("text/csv"));
    }

    @Test
    void csvwMetadataDescribesEveryColumn() throws IOException {
        List<String> header = Arrays.asList(CsvTestSupport.parse(given().when().get(EVENTS + ".csv").asString()).get(0));
        given().when().get(EVENTS + ".csv-metadata.json")
                .then().statusCode(200)
                .body("'@context'", is("http://www.w3.org/ns/csvw"),
                        "url", is("events.csv"),
                        "tableSchema.columns.name", is(header),
                        "tableSchema.columns.find { it.name == 'legal_effect' }.datatype.base", is("boolean"));
        given().when().get(TIMELINE + ".csv-metadata.json")
                .then().statusCode(200).body("tableSchema.columns.name", hasItem("restricted"));
        given().when().get("/api/provisions.csv-metadata.json").then().statusCode(200);
    }

    @Test
    void formulaLikeCellsAreNeutralised() {
        assertEquals("'=HYPERLINK(\"x\")", CsvTable.neutralise("=HYPERLINK(\"x\")"));
        assertEquals("'+1", CsvTable.neutralise("+1"));
        assertEquals("'-1", CsvTable.neutralise("-1"));
        assertEquals("'@SUM(A1)", CsvTable.neutralise("@SUM(A1)"));
        assertEquals("'\tx", CsvTable.neutralise("\tx"));
        assertEquals("'\rx", CsvTable.neutralise("\rx"));
        assertEquals("2024-06-01", CsvTable.neutralise("2024-06-01"));
        assertEquals("", CsvTable.neutralise(null));
    }

    @Test
    void eventExportsCarrySortableBoundsOfEveryPartialDate() throws IOException {
        List<String[]> rows = CsvTestSupport.parse(given().when().get(EVENTS + ".csv").asString());
        List<String> header = Arrays.asList(rows.get(0));
        int date = header.indexOf("date");
        int earliest = header.indexOf("date_earliest");
        int latest = header.indexOf("date_latest");
        assertTrue(earliest > header.indexOf("notes") && latest == earliest + 1, "appended after the old columns");
        boolean sawPartial = false;
        for (String[] r : rows.subList(1, rows.size())) {
            var d = org.provisiontimeline.status.PartialDate.parse(r[date]);
            assertEquals(d.earliest().toString(), r[earliest], r[date]);
            assertEquals(d.latest().toString(), r[latest], r[date]);
            sawPartial |= !d.isDay();
            String from = r[header.indexOf("effective_from")];
            assertEquals(from.isEmpty() ? "" : org.provisiontimeline.status.PartialDate.parse(from).earliest()
                    .toString(), r[header.indexOf("effective_from_earliest")]);
            String until = r[header.indexOf("effective_until")];
            assertEquals(until.isEmpty() ? "" : org.provisiontimeline.status.PartialDate.parse(until).latest()
                    .toString(), r[header.indexOf("effective_until_latest")]);
        }
        assertTrue(sawPartial, "the dataset has partial dates, so the bounds were tested on them");
    }

    @Test
    void csvwTypesListsAndNumbers() {
        given().when().get(EVENTS + ".csv-metadata.json").then().statusCode(200)
                .body("tableSchema.columns.find { it.name == 'source_urls' }.separator", is(" | "),
                        "tableSchema.columns.find { it.name == 'source_titles' }.separator", is(" | "),
                        "tableSchema.columns.find { it.name == 'categories' }.separator", is(" | "),
                        "tableSchema.columns.find { it.name == 'date_earliest' }.datatype", is("date"),
                        "tableSchema.columns.find { it.name == 'title' }.separator", is((Object) null));
        given().when().get(TIMELINE + ".csv-metadata.json").then().statusCode(200)
                .body("tableSchema.columns.find { it.name == 'event_ids' }.separator", is(" | "),
                        "tableSchema.columns.find { it.name == 'candidates' }.separator", is(" | "));
        given().when().get("/api/provisions.csv-metadata.json").then().statusCode(200)
                .body("tableSchema.columns.find { it.name == 'event_count' }.datatype", is("integer"));
    }

    @Test
    void theBomDownloadHasItsOwnFileName() {
        for (String path : List.of(EVENTS + ".csv", TIMELINE + ".csv", "/api/provisions.csv")) {
            String plain = given().when().get(path).header("Content-Disposition");
            String excel = given().queryParam("bom", "true").when().get(path).header("Content-Disposition");
            assertTrue(plain.endsWith(".csv\""), plain);
            assertEquals(plain.replace(".csv\"", "-excel.csv\""), excel, path);
        }
    }
}
