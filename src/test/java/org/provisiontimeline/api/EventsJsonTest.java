package org.provisiontimeline.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    @TestHTTPResource("/api/provisions/us-fsa-907/events?from=2019&to=2023")
    URI range2019;

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

    @Test
    void aKeptPageKeepsItsTotalAndAPageWithANextPageIsNotKept() throws Exception {
        statusJson.awaitBackground();
        String range = "/api/provisions/us-fsa-907/events?from=1995&to=2005";
        String total = given().get(range).then().statusCode(200).extract().header("X-Total-Count");
        long held = cache.heldBytes();
        given().get(range).then().statusCode(200).header("X-Total-Count", total).header("Link", (String) null);
        assertEquals(held, cache.heldBytes(), "the kept page answered");
        String paged = "/api/provisions/us-fsa-907/events?from=1995&to=2005&limit=2";
        for (int i = 0; i < 2; i++) {
            given().get(paged).then().statusCode(200).header("X-Total-Count", total)
                    .header("Link", containsString("rel=\"next\""));
        }
        assertEquals(held, cache.heldBytes(), "a page with a next page is not kept: its Link is the request's own");
    }

    /** The kept page is one buffer in direct memory, written by every event loop at once: no answer may be torn. */
    @Test
    void oneKeptPageServesManyConnectionsAtOnce() throws Exception {
        byte[] expected = given().get(range2019).then().statusCode(200).extract().asByteArray();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(range2019).build();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<byte[]>> answers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                answers.add(pool.submit(() -> client.send(request, HttpResponse.BodyHandlers.ofByteArray()).body()));
            }
            for (Future<byte[]> answer : answers) {
                assertArrayEquals(expected, answer.get(), "every connection reads the whole page");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
