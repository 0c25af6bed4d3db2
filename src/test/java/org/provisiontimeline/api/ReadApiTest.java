package org.provisiontimeline.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadApiTest {

    @Test
    void listsProvisionsWithTheirCurrentStatus() {
        given().when().get("/api/provisions")
                .then().statusCode(200)
                .body("id", hasItem("us-fsa-907"),
                        "find { it.id == 'us-fsa-907' }.shortTitle", is("Section 907"),
                        "find { it.id == 'us-fsa-907' }.current.state", notNullValue(),
                        "find { it.id == 'us-fsa-907' }.eventCount", greaterThanOrEqualTo(30));
    }

    @Test
    void detailHasTheDocumentItsVersionAndEveryEventWithSources() {
        given().when().get("/api/provisions/us-fsa-907")
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("id", is("us-fsa-907"),
                        "citation", containsString("102-511"),
                        "renewal", is("P12M"),
                        "categories.id", hasItem("general"),
                        "events.size()", greaterThanOrEqualTo(30),
                        "events.sources.flatten().size()", greaterThanOrEqualTo(30),
                        "events.confidence", everyItem(notNullValue()),
                        "datasetVersion", notNullValue(),
                        "versionNo", greaterThanOrEqualTo(1));
    }

    @Test
    void partialDatesAreServedExactlyAsStored() {
        given().when().get("/api/provisions/us-fsa-907/events/2020-03-biegun-waiver")
                .then().statusCode(200)
                .body("date", is("2020-03"));
        given().when().get("/api/provisions/us-fsa-907/events/2023-06-21-waiver-lapse")
                .then().statusCode(200)
                .body("date", is("2023-06-21/2023-10-01"), "confidence", is("INFERRED"));
    }

    @Test
    void eventsFilterByDateTypeAndLegalEffect() {
        List<Map<String, Object>> waivers = given().queryParam("type", "WAIVER_EXTENSION")
                .queryParam("from", "2020").queryParam("to", "2025")
                .when().get("/api/provisions/us-fsa-907/events")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(List.of("2020-03-biegun-waiver", "2021-04-23-blinken-waiver", "2022-06-21-mckeon-waiver",
                "2025-08-08-trump-memorandum"), waivers.stream().map(w -> w.get("id")).toList());

        given().queryParam("legalEffect", "false").queryParam("from", "2023-11-15").queryParam("to", "2023-11-15")
                .when().get("/api/provisions/us-fsa-907/events")
                .then().statusCode(200)
                .body("legalEffect", everyItem(is(false)),
                        "id", hasItem("2023-11-15-s-3000-passed-senate"));
    }

    @Test
    void eventsArePagedWithACursorInTheLinkHeader() {
        Response first = given().queryParam("limit", 10).when().get("/api/provisions/us-fsa-907/events");
        first.then().statusCode(200).body("size()", is(10));
        String link = first.header("Link");
        assertNotNull(link);
        assertTrue(link.endsWith("; rel=\"next\""), link);
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        List<String> secondIds = given().urlEncodingEnabled(false).when().get(next)
                .then().statusCode(200).extract().jsonPath().getList("id");
        List<String> all = given().when().get("/api/provisions/us-fsa-907/events")
                .then().extract().jsonPath().getList("id");
        assertEquals(all.subList(10, 20), secondIds);
    }

    @Test
    void timelineIsMaximalClosedOpenIntervals() {
        List<Map<String, Object>> intervals = given().when().get("/api/provisions/us-fsa-907/timeline")
                .then().statusCode(200)
                .body("intervals[0].from", nullValue(), "intervals[0].to", is("1992-10-24"),
                        "intervals[0].state", is("NOT_IN_FORCE"))
                .extract().jsonPath().getList("intervals");
        for (int i = 1; i < intervals.size(); i++) {
            assertEquals(intervals.get(i - 1).get("to"), intervals.get(i).get("from"), "contiguous at " + i);
            assertTrue(!intervals.get(i - 1).get("state").equals(intervals.get(i).get("state"))
                    || !intervals.get(i - 1).get("candidates").equals(intervals.get(i).get("candidates")),
                    "maximal at " + i);
        }
        assertEquals(null, intervals.get(intervals.size() - 1).get("to"));
    }

    @Test
    void timelineCanBeCutToARangeAndPerCategory() {
        given().queryParam("from", "2024").queryParam("to", "2024")
                .when().get("/api/provisions/us-fsa-907/timeline")
                .then().statusCode(200)
                .body("intervals.size()", is(1),
                        "intervals[0].from", is("2024-01-01"), "intervals[0].to", is("2025-01-01"),
                        "intervals[0].state", is("IN_FORCE"), "intervals[0].restricted", is(true));
        given().queryParam("category", "humanitarian").queryParam("from", "2024").queryParam("to", "2024")
                .when().get("/api/provisions/us-fsa-907/timeline")
                .then().statusCode(200).body("intervals[0].state", is("EXEMPT"));
    }

    @Test
    void readsCarryAnETagAndAnswer304WhenUnchanged() {
        String etag = given().queryParam("date", "2024-06-01").when().get("/api/provisions/us-fsa-907/status")
                .then().statusCode(200).extract().header("ETag");
        assertNotNull(etag);
        given().queryParam("date", "2024-06-01").header("If-None-Match", etag)
                .when().get("/api/provisions/us-fsa-907/status")
                .then().statusCode(304);
        given().queryParam("date", "2024-06-02").header("If-None-Match", etag)
                .when().get("/api/provisions/us-fsa-907/status")
                .then().statusCode(200);

        String detailTag = given().when().get("/api/provisions/us-fsa-907").then().extract().header("ETag");
        given().header("If-None-Match", detailTag).when().get("/api/provisions/us-fsa-907")
                .then().statusCode(304);
    }

    @Test
    void openApiDocumentsTheEnumsAndSwaggerUiIsServed() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/provisions/{id}/status"),
                        "components.schemas.State.enum", hasItem("UNCERTAIN"),
                        "components.schemas.EventType.enum", hasItem("WAIVER_EXTENSION"),
                        "components.schemas.Effect.enum", hasItem("SUSPEND"),
                        "components.schemas.Confidence.enum", hasItem("DISPUTED"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    // Relative to the management interface's root path, /q.
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void healthProbesAreUpOnTheManagementPort() {
        given().when().get(ready).then().statusCode(200).body("status", is("UP"),
                "checks.name", hasItem("catalog"));
        given().when().get(live).then().statusCode(200).body("status", is("UP"));
        given().when().get("/api/provisions/us-fsa-907/status?date=2012-06-01").then().statusCode(200);
        given().when().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"),
                containsString("timeline_status_answers_total{state=\"SUSPENDED\"}"),
                containsString("timeline_catalog_refresh_lag_seconds"), containsString("timeline_answer_cache_bytes "));
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
    }
}
