package org.provisiontimeline.csv;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatchAnnotationTest {

    private static final String BATCH = "/api/provisions/us-fsa-907/status/batch";
    private static final List<String> APPENDED = List.of("restricted", "state", "since", "until", "confidence",
            "governing_event_ids", "error");

    private static List<String[]> annotate(String csv, String query) throws IOException {
        String out = given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post(BATCH + query)
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        return CsvTestSupport.parse(out);
    }

    @Test
    void everyInputCellAndRowIsKeptAndStatusIsAppended() throws IOException {
        String input = "id,date,note\r\n"
                + "1,2024-06-01,\"quoted, with comma and \"\"quotes\"\"\"\r\n"
                + "2,2025-08-08,\"two\nlines\"\r\n"
                + "3,1992-06-01,Bakı – ünïcödé ✓\r\n";
        List<String[]> rows = annotate(input, "");
        List<String> header = Arrays.asList(rows.get(0));
        assertEquals(List.of("id", "date", "note"), header.subList(0, 3));
        assertEquals(APPENDED, header.subList(3, 10));
        assertArrayEquals(new String[] {"1", "2024-06-01", "quoted, with comma and \"quotes\"", "true", "IN_FORCE"},
                Arrays.copyOf(rows.get(1), 5));
        assertEquals("two\nlines", rows.get(2)[2]);
        assertEquals("SUSPENDED", rows.get(2)[4]);
        assertEquals("Bakı – ünïcödé ✓", rows.get(3)[2]);
        assertEquals("NOT_IN_FORCE", rows.get(3)[4]);
        assertEquals("1992-10-24-enactment 2022-06-21-mckeon-waiver 2023-06-21-waiver-lapse", rows.get(1)[8]);
    }

    @Test
    void theAnswersAreTheStatusEndpointsAnswers() throws IOException {
        List<String[]> rows = annotate("date\n2023-08-01\n2010-06-01\n2026-09-01\n", "");
        for (int i = 1; i < rows.size(); i++) {
            String date = rows.get(i)[0];
            var status = given().queryParam("date", date).when().get("/api/provisions/us-fsa-907/status")
                    .then().extract().jsonPath();
            assertEquals(status.getString("state"), rows.get(i)[2], date);
            assertEquals(status.get("restricted") == null ? "" : status.getString("restricted"), rows.get(i)[1], date);
            assertEquals(status.getString("since"), rows.get(i)[3], date);
            assertEquals(status.getString("confidence"), rows.get(i)[5], date);
        }
    }

    @Test
    void aBadDateKeepsItsPlaceWithAnError() throws IOException {
        List<String[]> rows = annotate("date,x\n2024-06-01,a\n2024-02-30,b\n,c\nsoon,d\n2024-06-02,e\n", "");
        assertEquals(6, rows.size());
        assertEquals("b", rows.get(2)[1]);
        assertEquals("", rows.get(2)[3], "other new cells blank");
        assertEquals("'2024-02-30' is not a real calendar date", rows.get(2)[8]);
        assertEquals("the date cell is empty", rows.get(3)[8]);
        assertEquals("'soon' is not a date: expected YYYY-MM-DD", rows.get(4)[8]);
        assertEquals("IN_FORCE", rows.get(5)[3]);
        assertEquals("", rows.get(5)[8]);
    }

    @Test
    void strictModeRejectsTheWholeFileListingBadLines() {
        given().contentType("text/csv").body("date\n2024-06-01\n2024-02-30\n2024-06-01\nnope\n")
                .when().post(BATCH + "?strict=true")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.line", is(List.of(3, 5)),
                        "errors[0].detail", containsString("2024-02-30"),
                        "detail", containsString("line 3"));
    }

    @Test
    void strictModeAnnotatesAValidFile() throws IOException {
        List<String[]> rows = annotate("date\n2024-06-01\n", "?strict=true");
        assertEquals("IN_FORCE", rows.get(1)[2]);
    }

    @Test
    void theDateColumnCanBeNamedAndAnInputBomIsTolerated() throws IOException {
        List<String[]> rows = annotate("\uFEFFdisbursed_on,amount\n2024-06-01,10\n", "?column=disbursed_on");
        assertEquals("disbursed_on", rows.get(0)[0], "BOM removed from the first header cell");
        assertEquals("IN_FORCE", rows.get(1)[3]);
    }

    @Test
    void categoryAndBomOptionsApply() throws IOException {
        List<String[]> rows = annotate("date\n2024-06-01\n", "?category=humanitarian");
        assertEquals("EXEMPT", rows.get(1)[2]);
        byte[] bytes = given().contentType("text/csv").body("date\n2024-06-01\n").when().post(BATCH + "?bom=true")
                .then().statusCode(200).extract().asByteArray();
        assertEquals((byte) 0xEF, bytes[0]);
    }

    @Test
    void inputColumnsNamedLikeStatusColumnsAreNotShadowed() throws IOException {
        List<String[]> rows = annotate("date,state\n2024-06-01,Ohio\n", "");
        List<String> header = Arrays.asList(rows.get(0));
        assertEquals("Ohio", rows.get(1)[header.indexOf("state")]);
        assertEquals("IN_FORCE", rows.get(1)[header.indexOf("status_state")]);
    }

    @Test
    void headerOnlyGivesHeaderOnly() throws IOException {
        List<String[]> rows = annotate("date,x\n", "");
        assertEquals(1, rows.size());
    }

    @Test
    void shortRowsArePaddedAndLongRowsFlagged() throws IOException {
        List<String[]> rows = annotate("a,date,b\n1,2024-06-01\n1,2024-06-01,2,3\n", "");
        assertEquals("", rows.get(1)[2]);
        assertEquals("IN_FORCE", rows.get(1)[4]);
        assertEquals("the row has 4 fields but the header has 3", rows.get(2)[rows.get(2).length - 1]);
    }

    @Test
    void hostileUploadsAreProblems() {
        given().contentType("text/csv").body("").when().post(BATCH)
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("empty"));
        given().contentType("text/csv").body("when,x\n2024-06-01,1\n").when().post(BATCH)
                .then().statusCode(422).body("detail", containsString("no column 'date'"));
        given().contentType("text/csv").body("date,date\n2024-06-01,2024-06-02\n").when().post(BATCH)
                .then().statusCode(422).body("detail", containsString("twice"));
        given().contentType("text/plain").body("date\n2024-06-01\n").when().post(BATCH)
                .then().statusCode(415).contentType("application/problem+json");
        given().contentType("text/csv").body("date\n2024-06-01\n").when().post(BATCH + "?strict=maybe")
                .then().statusCode(400).body("detail", containsString("strict"));
        given().contentType("text/csv").body("date\n2024-06-01\n").when().post(BATCH + "?category=guns")
                .then().statusCode(400);
        given().contentType("text/csv").body("date\n2024-06-01\n").when()
                .post("/api/provisions/nope/status/batch").then().statusCode(404);
    }

    @Test
    void malformedCsvIsAProblemOrAMarkedStopNeverA500() throws IOException {
        given().contentType("text/csv").body("\"date\n2020-01-01\n").when().post(BATCH)
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("not valid CSV"));
        given().contentType("text/csv").body("date,x\n2024-06-01,\"ok\"\n2024-06-01,\"bad\"tail\n")
                .when().post(BATCH + "?strict=true")
                .then().statusCode(422).body("errors[0].line", is(3));
        List<String[]> rows = annotate("date,x\n2024-06-01,\"ok\"\n2024-06-01,\"bad\"tail\n", "");
        assertEquals("IN_FORCE", rows.get(1)[3]);
        assertEquals(true, rows.get(rows.size() - 1)[8].startsWith("unreadable CSV after this point"));
    }

    @Test
    void inputCellsAreKeptUnlessNeutralisingIsAskedFor() throws IOException {
        assertEquals("=1+1", annotate("date,x\n2024-06-01,=1+1\n", "").get(1)[1]);
        assertEquals("-12.5", annotate("date,x\n2024-06-01,-12.5\n", "").get(1)[1]);
        assertEquals("'=1+1", annotate("date,x\n2024-06-01,=1+1\n", "?neutralise=true").get(1)[1]);
    }

    @Test
    void jsonInJsonOut() {
        given().contentType("application/json").body("{\"dates\": [\"2024-06-01\", \"2024-02-30\", null]}")
                .when().post(BATCH)
                .then().statusCode(200).contentType("application/json")
                .body("results.size()", is(3),
                        "results[0].state", is("IN_FORCE"),
                        "results[0].restricted", is(true),
                        "results[0].governingEventIds[2]", is("2023-06-21-waiver-lapse"),
                        "results[1].error", containsString("not a real calendar date"),
                        "results[2].error", is("the date cell is empty"));
    }

    @Test
    void badJsonBodiesAreProblems() {
        for (String body : List.of("", "[]", "{\"dates\": \"2024-06-01\"}", "{\"dates\": [1]}", "{\"dates\": [",
                "{\"dates\": []} trailing", "{\"days\": []}")) {
            given().contentType("application/json").body(body).when().post(BATCH)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().contentType("application/json").body("{\"dates\": [\"2024-02-30\"]}").when().post(BATCH + "?strict=true")
                .then().statusCode(422).body("errors[0].pointer", is("/dates/0"));
    }

    @Test
    void neutralisingAlsoCoversTheHeaderRow() throws IOException {
        List<String[]> rows = annotate("date,=cmd|' /C calc'!A0\n2024-06-01,x\n", "?neutralise=true");
        assertEquals("'=cmd|' /C calc'!A0", rows.get(0)[1]);
        assertEquals("=cmd|' /C calc'!A0", annotate("date,=cmd|' /C calc'!A0\n2024-06-01,x\n", "").get(0)[1]);
    }

    @Test
    void hugeJsonValuesAreRefusedWithTheLimitNamed() {
        given().contentType("application/json").body("{\"dates\": [\"" + "9".repeat(100_000) + "\"]}")
                .when().post(BATCH)
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("at most 100 characters"), "errors[0].pointer", is("/dates/0"));
        given().contentType("application/json").body("{\"dates\": [\"2024-06-01\", \"" + "9".repeat(150) + "\"]}")
                .when().post(BATCH)
                .then().statusCode(413).body("errors[0].pointer", is("/dates/1"));
        given().contentType("application/json").body("1".repeat(5000)).when().post(BATCH)
                .then().statusCode(413).contentType("application/problem+json");
        given().contentType("application/json").body("{\"dates\": [" + "1".repeat(5000) + "]}").when().post(BATCH)
                .then().statusCode(413).contentType("application/problem+json");
        given().contentType("application/json").body("[".repeat(5000)).when().post(BATCH)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void gzipUploadsAreAccepted() throws IOException {
        byte[] csv = "date,x\n2024-06-01,a\n1992-06-01,b\n".getBytes(StandardCharsets.UTF_8);
        String out = given().contentType("text/csv").header("Content-Encoding", "gzip").body(gzip(csv))
                .when().post(BATCH).then().statusCode(200).extract().asString();
        List<String[]> rows = CsvTestSupport.parse(out);
        assertEquals("IN_FORCE", rows.get(1)[3]);
        assertEquals("NOT_IN_FORCE", rows.get(2)[3]);
        given().contentType("application/json").header("Content-Encoding", "gzip")
                .body(gzip("{\"dates\": [\"2024-06-01\"]}".getBytes(StandardCharsets.UTF_8)))
                .when().post(BATCH).then().statusCode(200).body("results[0].state", is("IN_FORCE"));
        given().contentType("text/csv").header("Content-Encoding", "gzip").body(csv)
                .when().post(BATCH).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("gzip"));
        byte[] whole = gzip(csv);
        given().contentType("text/csv").header("Content-Encoding", "gzip")
                .body(Arrays.copyOf(whole, whole.length - 6)).when().post(BATCH + "?strict=true")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("text/csv").header("Content-Encoding", "br").body(csv)
                .when().post(BATCH).then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void theOpenApiDocumentStillDescribesTheBatchBodies() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/provisions/{id}/status/batch'.post.requestBody.content",
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.hasKey("text/csv"),
                                org.hamcrest.Matchers.hasKey("application/json")));
    }

    static byte[] gzip(byte[] data) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }
}
