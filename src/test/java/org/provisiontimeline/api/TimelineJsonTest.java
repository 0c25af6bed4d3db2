package org.provisiontimeline.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Timeline answers are rendered once per version and range, then served from the kept bytes. */
@QuarkusTest
class TimelineJsonTest {

    @Inject
    AnswerCache cache;

    @Inject
    StatusJson statusJson;

    @Test
    void anAnswerAskedAgainIsTheKeptBytes() throws Exception {
        statusJson.awaitBackground();   // status pieces rendered in the background count against the same bound
        String range = "/api/provisions/us-fsa-907/timeline?from=2001&to=2007-03";
        long held = cache.heldBytes();
        byte[] first = given().get(range).then().statusCode(200).contentType("application/json").extract()
                .asByteArray();
        assertEquals(held + first.length, cache.heldBytes(), "the answer's bytes were kept, and counted");
        byte[] again = given().get(range).then().statusCode(200).extract().asByteArray();
        assertArrayEquals(first, again, "the kept answer, byte for byte");
        assertEquals(held + first.length, cache.heldBytes(), "asked again, nothing new is kept");
        byte[] other = given().get(range + "&category=humanitarian").then().statusCode(200).extract().asByteArray();
        assertTrue(new String(other).contains("\"category\":\"humanitarian\""), "the category names its own answer");
    }

    @Test
    void pastVersionsAndBadRangesAreNotKept() throws Exception {
        statusJson.awaitBackground();
        given().get("/api/provisions/us-fsa-907/timeline?from=2003").then().statusCode(200);
        long held = cache.heldBytes();
        String past = "/api/provisions/us-fsa-907/timeline?from=2003&asOf=" + Instant.now();
        byte[] first = given().get(past).then().statusCode(200).extract().asByteArray();
        assertArrayEquals(first, given().get(past).then().statusCode(200).extract().asByteArray());
        given().get("/api/provisions/us-fsa-907/timeline?from=2010&to=2003").then().statusCode(400);
        assertEquals(held, cache.heldBytes(), "answers as of a past instant are rendered per request");
    }
}
