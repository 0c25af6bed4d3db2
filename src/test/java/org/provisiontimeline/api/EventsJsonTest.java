package org.provisiontimeline.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.provisiontimeline.provision.CatalogEntry;
import org.provisiontimeline.provision.ProvisionCatalog;

/** Event lists come from events rendered once per version, and serve exactly the bytes Jackson writes. */
@QuarkusTest
class EventsJsonTest {

    @Inject
    AnswerCache cache;

    @Inject
    ProvisionCatalog catalog;

    @Inject
    ObjectMapper mapper;

    @Inject
    StatusJson statusJson;

    @Test
    void listsAreCopiedFromRenderedEventsAndMatchJackson() throws Exception {
        statusJson.awaitBackground();   // status pieces rendered in the background count against the same bound
        byte[] all = given().get("/api/provisions/us-fsa-907/events").then().statusCode(200)
                .contentType("application/json").extract().asByteArray();
        CatalogEntry entry = catalog.find("us-fsa-907").orElseThrow();
        assertTrue(EventsJson.kept(entry), "the version's events were kept rendered, not rendered per request");
        assertArrayEquals(mapper.writeValueAsBytes(entry.eventsInOrder()), all, "the whole list, as Jackson writes it");
        long held = cache.heldBytes();
        byte[] some = given().get("/api/provisions/us-fsa-907/events?from=2002&to=2010&type=WAIVER_EXTENSION")
                .then().statusCode(200).extract().asByteArray();
        assertTrue(cache.heldBytes() > held, "the joined list was kept");
        held = cache.heldBytes();
        byte[] again = given().get("/api/provisions/us-fsa-907/events?from=2002&to=2010&type=WAIVER_EXTENSION")
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(some, again, "the kept list, byte for byte");
        assertEquals(held, cache.heldBytes(), "asked again, nothing new is kept");
        var expected = ProvisionResource.EventFilter.parse("2002", "2010", "WAIVER_EXTENSION", null)
                .select(entry.eventsInOrder());
        assertTrue(expected.size() > 1, "the filter selects several events: " + expected.size());
        assertArrayEquals(mapper.writeValueAsBytes(expected), some, "a selection, as Jackson writes it");
    }
}
