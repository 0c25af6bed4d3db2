package org.provisiontimeline.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** JSON and CSV answers are gzip-compressed when, and only when, the client says it accepts gzip. */
@QuarkusTest
class CompressionTest {

    private final HttpClient http = HttpClient.newHttpClient();   // sends no Accept-Encoding of its own

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path));
    }

    @Test
    void jsonAndCsvAnswersAreCompressedOnlyWhenAccepted() throws Exception {
        for (String path : new String[] {"/api/provisions/us-fsa-907/events", "/api/provisions/us-fsa-907/events.csv",
            "/api/provisions/us-fsa-907/timeline.csv", "/api/provisions/us-fsa-907/status?date=2024-06-01",
            "/api/provisions/us-fsa-907/events.csv-metadata.json"}) {
            HttpResponse<byte[]> plain = send(get(path));
            HttpResponse<byte[]> gzip = send(get(path).header("Accept-Encoding", "gzip"));
            assertFalse(plain.headers().firstValue("Content-Encoding").isPresent(), path);
            assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(null), path);
            byte[] inflated = new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes();
            assertEquals(new String(plain.body(), StandardCharsets.UTF_8), new String(inflated, StandardCharsets.UTF_8),
                    path);
            assertTrue(plain.body().length < 300 || gzip.body().length < plain.body().length / 2, path);
        }
    }

    @Test
    void aBatchAnswerIsCompressedAndStillStreamed() throws Exception {
        StringBuilder csv = new StringBuilder("date\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("2024-06-01\n");
        }
        HttpResponse<byte[]> r = send(get("/api/provisions/us-fsa-907/status/batch")
                .header("Content-Type", "text/csv").header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())));
        assertEquals(200, r.statusCode());
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(null));
        assertEquals("chunked", r.headers().firstValue("Transfer-Encoding").orElse(null), "streamed, not buffered");
        String body = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertEquals(20_002, body.split("\r\n", -1).length, "header, 20,000 rows, final CRLF");
    }
}
