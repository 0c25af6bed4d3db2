package org.provisiontimeline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar prepares its OpenAPI document on the first request, not while starting
 * ({@code DeferredOpenApiDocumentService}, which only the packaged jar has), and serves the document stored at build
 * time, the one the generated client is made from, in JSON and YAML, once for concurrent first requests.
 */
class OpenApiDocumentIT {

    private static final String PREPARED = "OpenAPI document prepared on its first request";

    @TempDir
    Path dir;

    @Test
    void theDocumentIsPreparedOnItsFirstRequestAndIsTheStoredOne() throws Exception {
        try (AppProcess app = new AppProcess(Map.of("TIMELINE_DB_PATH", dir.resolve("db/timeline").toString()),
                dir.resolve("app.log")).start()) {
            assertEquals(200, app.get("/api/provisions/us-fsa-907/status?date=2024-06-01").statusCode());
            assertFalse(app.log().contains(PREPARED), "prepared while starting:\n" + app.log());

            // Clients that fetch the contract together (a Swagger UI, generators in parallel builds) wait for one
            // preparation and all get the document.
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest asJson = HttpRequest.newBuilder(URI.create(app.base() + "/q/openapi"))
                    .header("Accept", "application/json").build();
            List<CompletableFuture<HttpResponse<String>>> together = IntStream.range(0, 8)
                    .mapToObj(i -> http.sendAsync(asJson, HttpResponse.BodyHandlers.ofString())).toList();
            HttpResponse<String> json = together.get(0).join();
            assertEquals(200, json.statusCode());
            for (CompletableFuture<HttpResponse<String>> other : together) {
                assertEquals(200, other.join().statusCode());
                assertEquals(json.body(), other.join().body());
            }
            ObjectMapper mapper = new ObjectMapper();
            assertEquals(mapper.readTree(Files.readString(Path.of("target/openapi/openapi.json"))),
                    mapper.readTree(json.body()));
            assertEquals(1, app.log().split(PREPARED, -1).length - 1, app.log());

            HttpResponse<String> yaml = app.get("/q/openapi");
            assertEquals(200, yaml.statusCode());
            assertTrue(yaml.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
            assertTrue(yaml.body().contains("/api/provisions/{id}/status:"), yaml.body());
            assertEquals(1, app.log().split(PREPARED, -1).length - 1, "prepared once:\n" + app.log());
        }
    }
}
