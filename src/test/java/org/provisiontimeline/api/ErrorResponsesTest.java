package org.provisiontimeline.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad input is a 4xx problem+json that names what was wrong; none is a 500. */
@QuarkusTest
class ErrorResponsesTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        /api/provisions/us-fsa-907/status?date=2024-02-30        | 400 | 2024-02-30
        /api/provisions/us-fsa-907/status?date=2024-13-01        | 400 | 2024-13-01
        /api/provisions/us-fsa-907/status?date=yesterday         | 400 | YYYY-MM-DD
        /api/provisions/us-fsa-907/status?date=2024-06           | 400 | one exact day
        /api/provisions/us-fsa-907/status?date=                  | 400 | 'date'
        /api/provisions/us-fsa-907/status?date=2024-06-01T00:00Z | 400 | 'date'
        /api/provisions/us-fsa-907/status?category=weapons       | 400 | general
        /api/provisions/us-fsa-907/status?dat=2024-06-01         | 400 | 'dat'
        /api/provisions/us-fsa-907/status?date=2024-06-01&date=2024-06-02 | 400 | repeated
        /api/provisions/us-fsa-907/status?asOf=last-week         | 400 | RFC 3339
        /api/provisions/us-fsa-907/status?asOf=%2B999999999-12-31 | 400 | RFC 3339
        /api/provisions/no-such-act/status?date=2024-06-01       | 404 | no-such-act
        /api/provisions/no-such-act                              | 404 | no-such-act
        /api/provisions/no-such-act/events                       | 404 | no-such-act
        /api/provisions/us-fsa-907/events/no-such-event          | 404 | no-such-event
        /api/provisions/us-fsa-907/timeline?from=2025&to=2020    | 400 | 'from'
        /api/provisions/us-fsa-907/timeline?from=2020-02-30      | 400 | 2020-02-30
        /api/provisions/us-fsa-907/events?type=WAIVERS           | 400 | WAIVER_EXTENSION
        /api/provisions/us-fsa-907/events?legalEffect=maybe      | 400 | true or false
        /api/provisions/us-fsa-907/events?from=2025-01-01&to=2024-01-01 | 400 | 'from'
        /api/provisions/us-fsa-907/events?limit=0                | 400 | 'limit'
        /api/provisions/us-fsa-907/events?limit=abc              | 400 | 'limit'
        /api/provisions/us-fsa-907/events?cursor=!!!             | 400 | 'cursor'
        /api/provisions?cursor=bm9wZQ                            | 400 | 'cursor'
        /api/nothing-here                                        | 404 | /api/nothing-here
        /api/provisions/us-fsa-907/status/extra                  | 404 | Nothing is served
        """)
    void badRequestsAreProblems(String path, int status, String detailMentions) {
        given().urlEncodingEnabled(false)
                .when().get(path)
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", is(status),
                        "title", not(""),
                        "detail", containsString(detailMentions),
                        "detail", not(containsString("Exception")),
                        "detail", not(containsString("org.provisiontimeline")));
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
        DELETE | /api/provisions/us-fsa-907/status | 405
        POST   | /api/provisions/us-fsa-907/timeline | 405
        """)
    void wrongMethodsAreProblems(String method, String path, int status) {
        given().when().request(method, path)
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", is(status));
    }

    @org.junit.jupiter.api.Test
    void ifNoneMatchStarNeverHidesAnError() {
        given().header("If-None-Match", "*").when().get("/api/provisions/no-such-act/status")
                .then().statusCode(404);
        given().header("If-None-Match", "*").when().get("/api/provisions/us-fsa-907/status?date=2024-06-01")
                .then().statusCode(200);
    }

    @org.junit.jupiter.api.Test
    void anUnacceptableMediaTypeIsA406Problem() {
        given().accept("application/xml")
                .when().get("/api/provisions/us-fsa-907/status?date=2024-06-01")
                .then().statusCode(406);
    }
}
