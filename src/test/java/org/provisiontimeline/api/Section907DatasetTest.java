package org.provisiontimeline.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The curation rules of the Section 907 record, checked on what the API serves (not on the file), so a
 * dataset edit that breaks them fails the build. The status answers themselves are in {@link Section907StatusTest}.
 */
@QuarkusTest
class Section907DatasetTest {

    private static final String API = "/api/provisions/us-fsa-907";
    /** Legislative steps that change no law by themselves: each must say what it would have done. */
    private static final Set<String> LEGISLATIVE_STEPS = Set.of("BILL_INTRODUCED", "PASSED_CHAMBER", "CONFERENCE_REPORT");

    @Test
    void everyEventIsSourcedAndSaysWhyWhenItIsNotConfirmed() {
        List<Map<String, Object>> events = given().get(API).then().statusCode(200)
                .extract().jsonPath().getList("events");
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> e : events) {
            Object id = e.get("id");
            if (!"CONFIRMED".equals(e.get("confidence")) && blank(e.get("notes"))) {
                problems.add(id + ": confidence " + e.get("confidence") + " without notes");
            }
            if (LEGISLATIVE_STEPS.contains(e.get("type")) && Boolean.FALSE.equals(e.get("legalEffect"))
                    && blank(e.get("conditional"))) {
                problems.add(id + ": a " + e.get("type") + " without legal effect must say what it would have done");
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> sources = (List<Map<String, Object>>) e.get("sources");
            for (Map<String, Object> s : sources) {
                if (blank(s.get("title"))) {
                    problems.add(id + ": a source without a title");
                }
                if (!"seed".equals(s.get("kind")) && blank(s.get("url"))) {
                    problems.add(id + ": source '" + s.get("title") + "' has no URL");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theDecember2025BillsAreServedWithNumberDayAndNoLegalEffect() {
        List<Map<String, Object>> december = given().queryParam("from", "2025-12").queryParam("to", "2025-12")
                .queryParam("type", "BILL_INTRODUCED")
                .when().get(API + "/events")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(e -> "Bill".equals(((Map<?, ?>) e.get("instrument")).get("kind")))
                .toList();
        // the FY2026 NDAA amendments' window (2025-09-08/2025-12-31) also reaches into December; they are amendments
        assertEquals(List.of("2025-12-luna-repeal-bill", "2025-12-19-hr-6840-introduced"),
                december.stream().map(e -> e.get("id")).toList());
        assertBill(december.get(0), "2025-12-09", "H.R. 6534");
        assertBill(december.get(1), "2025-12-19", "H.R. 6840");
    }

    @Test
    void theCharterHasItsDayAndTheNdaaAmendmentsChangeNoLaw() {
        given().get(API + "/events/2026-02-strategic-partnership-charter").then().statusCode(200)
                .body("date", is("2026-02-10"),
                        "legalEffect", is(false));
        given().get(API + "/events/2025-10-schiff-ndaa-amendment").then().statusCode(200)
                .body("effect", is("NONE"),
                        "legalEffect", is(false),
                        "instrument.number", containsString("SA.3333"),
                        "sources.url", hasItem(
                                "https://www.armeniancouncil.org/ACA/armenia-related-amendments-failed-to-advance-in-ndaa"));
    }

    private static void assertBill(Map<String, Object> e, String day, String number) {
        assertEquals(day, e.get("date"), e.get("id") + " date");
        assertEquals("NONE", e.get("effect"));
        assertFalse((Boolean) e.get("legalEffect"));
        @SuppressWarnings("unchecked")
        Map<String, Object> instrument = (Map<String, Object>) e.get("instrument");
        assertEquals(number, instrument.get("number"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sources = (List<Map<String, Object>>) e.get("sources");
        assertTrue(sources.stream().filter(s -> !blank(s.get("quote"))).count() >= 2,
                e.get("id") + " has at least two quoted sources");
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
