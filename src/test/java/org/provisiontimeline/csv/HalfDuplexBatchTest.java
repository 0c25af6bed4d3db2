package org.provisiontimeline.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Half-duplex clients send the whole body before they read a byte of the answer. If the server started its answer
 * before reading the upload, both would block on full socket buffers forever: with these clients a hang, turned into
 * a failure by the timeouts. Each uploads more than 20 MB and must get every row back, in order, columns intact.
 */
@QuarkusTest
class HalfDuplexBatchTest {

    private static final String BATCH = "/api/provisions/us-fsa-907/status/batch";
    private static final int ROWS = 460_000;
    private static byte[] input;

    @BeforeAll
    static void makeInput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ROWS * 48);
        out.writeBytes("row_id,date,amount_usd,note\r\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i <= ROWS; i++) {
            String[] r = row(i);
            out.writeBytes((r[0] + "," + r[1] + "," + r[2] + ",\"" + r[3] + "\"\r\n").getBytes(StandardCharsets.UTF_8));
        }
        input = out.toByteArray();
        assertTrue(input.length > 20_000_000, "at least 20 MB: " + input.length);
    }

    /** Row i of the input, regenerated to check the answer without keeping it. */
    private static String[] row(int i) {
        LocalDate date = LocalDate.of(1990, 1, 1).plusDays((i * 7919L) % 14_610);
        return new String[] {Integer.toString(i), date.toString(), (i % 100_000) + "." + (i % 97),
            "disbursement, batch " + (i % 89)};
    }

    private static URI uri() {
        return URI.create("http://localhost:" + RestAssured.port + BATCH);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void javaHttpClientOnHttp11() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri())
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(input)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEveryRowBackInOrder(response.body());
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void httpUrlConnection() throws Exception {
        HttpURLConnection c = (HttpURLConnection) uri().toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "text/csv");
        c.setFixedLengthStreamingMode(input.length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(input);
        }
        assertEquals(200, c.getResponseCode());
        assertEveryRowBackInOrder(c.getInputStream());
    }

    private static void assertEveryRowBackInOrder(InputStream answer) throws IOException {
        try (MappingIterator<String[]> it = new CsvMapper().readerFor(String[].class)
                .with(CsvSchema.emptySchema().withoutHeader()).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(answer)) {
            String[] header = it.next();
            assertEquals("row_id,date,amount_usd,note,restricted,state,since,until,confidence,governing_event_ids,"
                    + "error", String.join(",", header));
            int n = 0;
            while (it.hasNext()) {
                String[] got = it.next();
                n++;
                String[] want = row(n);
                for (int c = 0; c < want.length; c++) {
                    if (!want[c].equals(got[c])) {
                        assertEquals(want[c], got[c], "row " + n + " column " + header[c]);
                    }
                }
                if (got.length != 11 || got[5].isEmpty() || !got[10].isEmpty()) {
                    assertEquals("11 columns, a state, no error", String.join(",", got), "row " + n);
                }
            }
            assertEquals(ROWS, n, "every row back");
        }
    }

    @Test
    void theAnswerLeavesInFullBuffersNotOneChunkPerRow() throws IOException {
        StringBuilder csv = new StringBuilder("date\r\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("2024-06-01\r\n");
        }
        try (RawHttp http = RawHttp.open(RestAssured.port)) {
            http.send("POST " + BATCH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\nContent-Length: "
                    + csv.length() + "\r\n\r\n" + csv);
            RawHttp.Answer answer = http.readAnswer();
            assertEquals(200, answer.status());
            assertTrue(answer.chunks() > 0 && answer.body().length / answer.chunks() >= 4096,
                    "5,001 rows (" + answer.body().length + " bytes) in " + answer.chunks() + " chunks");
            assertFalse(answer.headers().contains("content-encoding"), "not compressed unless asked");
        }
    }
}
