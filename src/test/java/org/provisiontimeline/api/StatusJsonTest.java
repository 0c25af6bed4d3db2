package org.provisiontimeline.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The rendered-answer cache is really used, and a hit serves the bytes of a fresh rendering. */
@QuarkusTest
class StatusJsonTest {

    @Inject
    AnswerCache cache;

    @Test
    void secondAnswerOfAPieceComesFromTheCache() {
        String first = given().get("/api/provisions/us-fsa-907/status?date=2011-03-04&category=humanitarian")
                .then().statusCode(200).contentType("application/json").extract().asString();
        long held = cache.heldBytes();
        assertTrue(held > 0, "the piece was kept: " + held);
        String second = given().get("/api/provisions/us-fsa-907/status?date=2011-03-05&category=humanitarian")
                .then().statusCode(200).extract().asString();
        assertEquals(held, cache.heldBytes(), "the next day of the piece rendered nothing new");
        assertEquals(first.replace("2011-03-04", "2011-03-05"), second, "only the date differs");
    }
}
