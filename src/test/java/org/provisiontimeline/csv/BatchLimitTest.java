package org.provisiontimeline.csv;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An upload over the configured limit is a 413 problem, not a crash or an out-of-memory. */
@QuarkusTest
@TestProfile(BatchLimitTest.SmallLimit.class)
class BatchLimitTest {

    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("timeline.batch.max-bytes", "1000", "timeline.batch.max-json-dates", "3");
        }
    }

    private static final String BATCH = "/api/provisions/us-fsa-907/status/batch";

    @Test
    void aCsvOverTheLimitIsA413Problem() {
        given().contentType("text/csv").body("date\n" + "2024-06-01\n".repeat(200))
                .when().post(BATCH)
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("1000 bytes"));
    }

    @Test
    void aStrictUploadOverTheLimitWithoutContentLengthIsA413Problem() {
        given().contentType("text/csv")
                .body(new java.io.ByteArrayInputStream(("date\n" + "2024-06-01\n".repeat(200)).getBytes()))
                .when().post(BATCH + "?strict=true")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aJsonListOverTheLimitIsA413Problem() {
        given().contentType("application/json").body("{\"dates\": [\"2024-06-01\",\"2024-06-01\",\"2024-06-01\","
                        + "\"2024-06-01\"]}")
                .when().post(BATCH)
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("as CSV"));
    }

    @Test
    void aGzipBombIsA413Problem() throws java.io.IOException {
        byte[] bomb = BatchAnnotationTest.gzip(("date\n" + "2024-06-01\n".repeat(20_000)).getBytes());
        org.junit.jupiter.api.Assertions.assertTrue(bomb.length < 1000, "small on the wire: " + bomb.length);
        given().contentType("text/csv").header("Content-Encoding", "gzip").body(bomb)
                .when().post(BATCH)
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("1000 bytes"));
    }

    @Test
    void underTheLimitStillWorks() {
        given().contentType("text/csv").body("date\n2024-06-01\n").when().post(BATCH).then().statusCode(200);
    }
}
