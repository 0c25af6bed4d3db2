package org.provisiontimeline.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.provisiontimeline.provision.CatalogEntry;
import org.provisiontimeline.provision.ProvisionCatalog;

/** The rendered-answer cache is really used, and a hit serves the bytes of a fresh rendering. */
@QuarkusTest
class StatusJsonTest {

    @Inject
    AnswerCache cache;

    @Test
    void secondAnswerOfAPieceComesFromTheCache() throws Exception {
        String first = given().get("/api/provisions/us-fsa-907/status?date=2011-03-04&category=humanitarian")
                .then().statusCode(200).contentType("application/json").extract().asString();
        json.awaitBackground();
        long held = cache.heldBytes();
        CatalogEntry entry = catalog.find("us-fsa-907").orElseThrow();
        assertTrue(json.keptSize(entry, "humanitarian", LocalDate.of(2011, 3, 4)) > 0, "the piece was kept");
        String second = given().get("/api/provisions/us-fsa-907/status?date=2011-03-05&category=humanitarian")
                .then().statusCode(200).extract().asString();
        assertEquals(held, cache.heldBytes(), "the next day of the piece rendered nothing new");
        assertEquals(first.replace("2011-03-04", "2011-03-05"), second, "only the date differs");
    }

    /** The first answer of a timeline queues the rest of its pieces; they are rendered without being asked for. */
    @Test
    void aTimelinesOtherPiecesAreRenderedInTheBackground() throws Exception {
        String id = CurationTest.importSecondProvision();   // a version no other test has asked about
        given().get("/api/provisions/" + id + "/status?date=2011-05-05&category=energy").then().statusCode(200);
        json.awaitBackground();
        CatalogEntry entry = catalog.find(id).orElseThrow();
        for (String day : new String[] {"2005-01-01", "2012-03-01", "2014-05-01", "2016-01-01"}) {
            assertTrue(json.keptSize(entry, "energy", LocalDate.parse(day)) > 0, day + ": rendered");
        }
        assertEquals(0, json.keptSize(entry, "general", LocalDate.parse("2012-03-01")),
                "another category's timeline waits for its own first answer");
    }

    /**
     * Once the background has rendered every piece, they are packed into one array per timeline (issue 15): every
     * answer is still Jackson's, and the status path then needs no model.
     */
    @Test
    void packedPiecesAnswerEveryDayWithJacksonsBytes() throws Exception {
        String id = CurationTest.importSecondProvision();
        given().get("/api/provisions/" + id + "/status?date=2011-05-05&category=energy").then().statusCode(200);
        json.awaitBackground();
        CatalogEntry entry = catalog.find(id).orElseThrow();
        assertTrue(json.answersFromMemory(entry, "energy"), "every piece rendered, kept and packed");
        assertFalse(json.answersFromMemory(entry, "general"), "a timeline nobody asked about");
        for (LocalDate day = LocalDate.of(1989, 1, 1); day.isBefore(LocalDate.of(2030, 1, 1)); day = day.plusDays(13)) {
            String expected = mapper.writeValueAsString(entry.timeline("energy").answer(day)
                    .withProvenance(entry.datasetVersion(), "2026-01-01"));
            assertEquals(expected, new String(json.answer(entry, "energy", day, "2026-01-01"), StandardCharsets.UTF_8),
                    "energy on " + day);
            assertEquals(entry.timeline("energy").state(day), json.state(entry, "energy", day), "state on " + day);
        }
        assertTrue(json.keptSize(entry, "energy", LocalDate.of(2012, 3, 1)) > 0, "a packed piece counts as kept");
    }

    /** The start's warm-up renders one general answer in the background, the way a request would. */
    @Test
    void warmingUpBuildsTheTimelineAndKeepsTheAnswer() throws Exception {
        String id = CurationTest.importSecondProvision();
        CatalogEntry entry = catalog.find(id).orElseThrow();
        LocalDate day = LocalDate.of(2012, 3, 1);
        assertFalse(entry.hasTimeline("general"), "a version nobody has asked about");
        json.warmUp(entry, day);
        json.awaitBackground();
        assertTrue(entry.hasTimeline("general"), "the timeline is built");
        assertTrue(json.keptSize(entry, "general", day) > 0, "the answer's piece is kept");
    }

    /**
     * Requests on many threads read a timeline's fragments while other requests and the background rendering add
     * to them (the table grows by copying, and readers take no lock): every answer is still Jackson's, byte for
     * byte, whether it was rendered, spliced while the table grew, or spliced after.
     */
    @Test
    void answersSplicedWhileTheFragmentTableGrowsAreJacksonsBytes() throws Exception {
        String id = CurationTest.importSecondProvision();
        CatalogEntry entry = catalog.find(id).orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 400; i++) {
                        String category = random.nextBoolean() ? "general" : "energy";
                        LocalDate day = LocalDate.of(1995, 1, 1).plusDays(random.nextInt(365 * 30));
                        String expected = mapper.writeValueAsString(entry.timeline(category).answer(day)
                                .withProvenance(entry.datasetVersion(), null));
                        assertEquals(expected, new String(json.answer(entry, category, day, null),
                                StandardCharsets.UTF_8), category + " on " + day);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        json.awaitBackground();
        assertTrue(json.keptSize(entry, "general", LocalDate.of(2012, 3, 1)) > 0, "the pieces were kept");
    }

    @Inject
    ObjectMapper mapper;

    @Inject
    StatusJson json;

    @Inject
    ProvisionCatalog catalog;

    /** Neighbouring pieces share governing events and sources: each piece keeps only what is new in it. */
    @Test
    void aPieceKeepsOnlyTheFragmentsItsNeighboursDoNotHave() {
        CatalogEntry entry = catalog.find("us-fsa-907").orElseThrow();
        int shared = 0;
        int answers = 0;
        for (int year = 2003; year <= 2012; year++) {
            String answer = given().get("/api/provisions/us-fsa-907/status?date=" + year + "-07-15")
                    .then().statusCode(200).extract().asString();
            int kept = json.keptSize(entry, "general", LocalDate.of(year, 7, 15));
            assertTrue(kept > 0, year + ": kept");
            answers += answer.length();
            shared += kept;
        }
        assertTrue(shared < answers * 0.7, "ten waiver years keep " + shared + " bytes for " + answers
                + " bytes of answers");
    }
}
