package org.provisiontimeline.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Media;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.hamcrest.Matchers;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The public page at {@code /}, driven in the system Chromium through Playwright and checked against the JSON API
 * of the same running application. Every test also fails on a console error, a JavaScript dialog, or a request
 * that leaves the origin (see {@link #pageWasClean()}).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPageTest {

    private static final String ID = "us-fsa-907";
    private static final String API = "/api/provisions/" + ID;
    private static final String EXPECTED_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    private static final String PAYLOAD = "<img src=x onerror=alert(1)>";
    /** Screenshots go to target/ on every run; -Dscreenshots.update=true refreshes the README's copies in docs/img. */
    private static final Path SCREENSHOTS = Boolean.getBoolean("screenshots.update") ? Path.of("docs/img")
            : Path.of("target/screenshots");

    @TestHTTPResource("/")
    URL base;

    private Playwright playwright;
    private Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    private final List<String> offOrigin = new CopyOnWriteArrayList<>();
    private final List<String> jsDialogs = new CopyOnWriteArrayList<>();

    @BeforeAll
    void launchBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")));
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void pageWasClean() {
        try {
            assertEquals(List.of(), offOrigin, "requests that left the origin");
            assertEquals(List.of(), consoleErrors, "console errors");
            assertEquals(List.of(), jsDialogs, "JavaScript dialogs");
        } finally {
            contexts.forEach(BrowserContext::close);
            contexts.clear();
            offOrigin.clear();
            consoleErrors.clear();
            jsDialogs.clear();
        }
    }

    // ------------------------------------------------------------------------------------------------ tests --

    @Test
    void rendersOneBandPerIntervalAndOneMarkerPerEvent() {
        JsonPath timeline = given().get(API + "/timeline").then().statusCode(200).extract().jsonPath();
        List<String> states = timeline.getList("intervals.state");
        List<Map<String, Object>> events = apiEvents();
        JsonPath detail = given().get(API).then().statusCode(200).extract().jsonPath();

        Page page = open(1280, 800, "");

        assertThat(page.locator("h1")).hasText(detail.getString("title"));
        assertThat(page.locator("#citation")).containsText(detail.getString("citation"));
        assertThat(page.locator("#summary")).hasText(detail.getString("summary"));
        assertThat(page.locator("#dataset")).containsText(detail.getString("datasetVersion"));
        assertThat(page.locator("#dataset time[datetime='" + detail.getString("recordedAt") + "']")).hasCount(1);
        assertThat(page.locator("#provision option").first()).hasAttribute("value", ID);

        // bands: same states in the same order, each filled with its state's pattern, each labelled
        assertThat(page.locator("#chart .band.main")).hasCount(states.size());
        assertEquals(states, attributes(page, "#chart .band.main", "data-state"));
        List<String> fills = attributes(page, "#chart .band.main", "fill");
        for (int i = 0; i < states.size(); i++) {
            assertEquals("url(#pat-" + states.get(i) + ")", fills.get(i));
            assertEquals(1, page.locator("pattern#pat-" + states.get(i)).count(), "pattern for " + states.get(i));
        }
        List<Double> xs = page.locator("#chart .band.main").all().stream()
                .map(b -> Double.parseDouble(b.getAttribute("x"))).toList();
        for (int i = 1; i < xs.size(); i++) {
            assertTrue(xs.get(i) >= xs.get(i - 1), "bands are in date order");
        }
        attributes(page, "#chart .band", "aria-label").forEach(l -> assertTrue(l.length() > 20, l));

        // one lane per aid category, each with that category's intervals: exemptions are visible at once
        List<Map<String, Object>> categories = detail.getList("categories");
        assertTrue(categories.size() > 1);
        for (Map<String, Object> c : categories) {
            List<String> laneStates = given().queryParam("category", c.get("id")).get(API + "/timeline").then()
                    .statusCode(200).extract().jsonPath().getList("intervals.state");
            assertEquals(laneStates, attributes(page, "#chart .band[data-category='" + c.get("id") + "']", "data-state"),
                    "lane of " + c.get("id"));
        }
        assertEquals("general", page.locator("#chart .band.main").first().getAttribute("data-category"));

        // markers: one per event, in the API's order, legal effect shown by shape
        List<String> ids = events.stream().map(e -> (String) e.get("id")).toList();
        assertEquals(ids, attributes(page, "#chart .marker[data-event-id]", "data-event-id"));
        List<String> legalIds = events.stream().filter(e -> Boolean.TRUE.equals(e.get("legalEffect")))
                .map(e -> (String) e.get("id")).toList();
        assertFalse(legalIds.isEmpty());
        assertNotEquals(ids.size(), legalIds.size(), "the data set has events without legal effect");
        assertEquals(legalIds, attributes(page, "#chart .marker:has(path.diamond)", "data-event-id"));
        assertEquals(ids.size() - legalIds.size(), page.locator("#chart .marker:has(circle.dot)").count());
        for (Map<String, Object> e : events) {
            String label = page.locator("#chart .marker[data-event-id='" + e.get("id") + "']").getAttribute("aria-label");
            assertTrue(label.contains((String) e.get("title")), label);
        }

        // zoomed to fit: every marker (or the group standing for it) lies inside the drawing
        double width = viewBoxWidth(page);
        for (Object cx : (List<?>) page.evaluate("""
                () => [...document.querySelectorAll('#chart .marker[data-event-id]:not(.in-group) .pin, #chart .group')]
                  .map(p => p.transform.baseVal.getItem(0).matrix.e)""")) {
            double x = ((Number) cx).doubleValue();
            assertTrue(x > 0 && x < width, "marker at " + x + " is inside 0.." + width);
        }
        assertEquals(ids.size(), ((Number) page.evaluate("""
                () => document.querySelectorAll('#chart .marker[data-event-id]:not(.in-group)').length
                  + [...document.querySelectorAll('#chart .group')].reduce((n, g) => n + Number(g.dataset.count), 0)""")).intValue(),
                "every event is drawn once: as a marker or inside one group");

        // the table lists every event
        assertThat(page.locator("#events-body tr")).hasCount(ids.size());
        assertThat(page.locator("#csv-events")).hasAttribute("href", API + "/events.csv");
        assertThat(page.locator("#csv-timeline")).hasAttribute("href", API + "/timeline.csv");
    }

    @Test
    void askingADateShowsTheApiAnswerAndAMarkerLine() {
        JsonPath status = given().queryParam("date", "2024-06-01").get(API + "/status")
                .then().statusCode(200).extract().jsonPath();
        Page page = open(1280, 800, "");

        page.locator("#date").fill("2024-06-01");
        page.locator("#ask-button").click();

        assertThat(page.locator("#answer-heading")).containsText("1 June 2024");
        assertThat(page.locator("#verdict")).hasText(verdict(status.get("restricted")));
        assertThat(page.locator("#explanation")).hasText(status.getString("explanation"));
        assertThat(page.locator("#answer .governing li")).hasCount(status.getList("governingEvents").size());
        assertThat(page.locator("#answer .sources-box summary"))
                .containsText("(" + status.getList("sources").size() + ")");
        assertThat(page.locator("#answer-since")).hasText(expectedDate(status.getString("since")));
        assertTrue(page.url().endsWith("/?provision=" + ID + "&date=2024-06-01"), page.url());
        Locator line = page.locator("#chart .ask-line");
        assertThat(line).hasAttribute("data-date", "2024-06-01");
        assertThat(line).hasAttribute("visibility", "visible");

        // a different day gives the API's different answer: the verdict is not fixed text
        JsonPath other = given().queryParam("date", "2022-09-01").get(API + "/status").then().extract().jsonPath();
        assertNotEquals(status.get("restricted"), (Object) other.get("restricted"));
        page.locator("#date").fill("2022-09-01");
        page.locator("#date").press("Enter");
        assertThat(page.locator("#verdict")).hasText(verdict(other.get("restricted")));
        assertThat(line).hasAttribute("data-date", "2022-09-01");
        assertTrue(page.url().endsWith("date=2022-09-01"), page.url());
    }

    @Test
    void aDeepLinkReproducesTheAnswerAfterAReload() {
        JsonPath status = given().queryParam("date", "2024-06-01").get(API + "/status").then().extract().jsonPath();
        Page page = open(1280, 800, "?provision=" + ID + "&date=2024-06-01");
        assertThat(page.locator("#date")).hasValue("2024-06-01");
        assertThat(page.locator("#verdict")).hasText(verdict(status.get("restricted")));
        assertThat(page.locator("#chart .ask-line")).hasAttribute("data-date", "2024-06-01");

        page.reload();
        waitReady(page);
        assertTrue(page.url().endsWith("/?provision=" + ID + "&date=2024-06-01"), page.url());
        assertThat(page.locator("#date")).hasValue("2024-06-01");
        assertThat(page.locator("#verdict")).hasText(verdict(status.get("restricted")));
        assertThat(page.locator("#explanation")).hasText(status.getString("explanation"));
    }

    @Test
    void aSharedLinkShowsItsAnswerOnTheFirstScreen() {
        JsonPath status = given().queryParam("date", "2024-06-01").get(API + "/status").then().extract().jsonPath();
        for (int[] size : new int[][] {{1280, 800}, {360, 740}}) {
            Page page = open(size[0], size[1], "?provision=" + ID + "&date=2024-06-01");
            assertThat(page.locator("#verdict")).hasText(verdict(status.get("restricted")));
            assertEquals(0, ((Number) page.evaluate("() => window.scrollY")).intValue(), "the page did not scroll");
            for (String id : new String[] {"#answer-heading", "#verdict"}) {
                var box = page.locator(id).boundingBox();
                assertTrue(box.y >= 0 && box.y + box.height <= size[1],
                        id + " is on the first screen at " + size[0] + "×" + size[1] + ": bottom " + (box.y + box.height));
            }
            for (String id : new String[] {"#answer-since", "#answer-until", "#answer-confidence"}) {
                var box = page.locator(id).boundingBox();
                assertTrue(box.y + box.height <= size[1], id + " is on the first screen at " + size[0] + ": " + box.y);
            }
            if (size[0] >= 1280) {
                var explanation = page.locator("#explanation").boundingBox();
                assertTrue(explanation.y + 40 <= size[1], "the explanation starts on the first screen: " + explanation.y);
            }
            // the answer comes before the summary, the chart and the table
            double answerY = page.locator("#answer").boundingBox().y;
            for (String later : new String[] {"#summary", "#chart", "#events-table"}) {
                assertTrue(page.locator(later).boundingBox().y > answerY, later + " follows the answer");
            }
        }
    }

    @Test
    void withoutADateTheAnswerIsForToday() {
        JsonPath today = given().get(API + "/status").then().statusCode(200).extract().jsonPath();
        Page page = open(1280, 800, "");
        assertThat(page.locator("#date")).hasValue(today.getString("date"));
        assertThat(page.locator("#answer-heading time")).hasAttribute("datetime", today.getString("date"));
        assertThat(page.locator("#verdict")).hasText(verdict(today.get("restricted")));
    }

    @Test
    void backAndForwardStepThroughTheDatesAsked() {
        JsonPath first = given().queryParam("date", "2024-06-01").get(API + "/status").then().extract().jsonPath();
        JsonPath second = given().queryParam("date", "2022-09-01").get(API + "/status").then().extract().jsonPath();
        JsonPath third = given().queryParam("date", "2010-03-01").queryParam("category", "humanitarian")
                .get(API + "/status").then().extract().jsonPath();
        assertNotEquals(first.getString("explanation"), second.getString("explanation"));
        Page page = open(1280, 800, "?provision=" + ID + "&date=2024-06-01");
        page.locator("#date").fill("2022-09-01");
        page.locator("#date").press("Enter");
        assertThat(page.locator("#explanation")).hasText(second.getString("explanation"));
        page.locator("#date").fill("2010-03-01");
        page.locator("#category").selectOption("humanitarian");
        page.locator("#ask-button").click();
        assertThat(page.locator("#explanation")).hasText(third.getString("explanation"));
        assertTrue(page.url().endsWith("category=humanitarian&date=2010-03-01"), page.url());

        page.goBack(); // the category change was its own question (with the date of then)
        page.goBack();
        assertTrue(page.url().endsWith("date=2022-09-01"), page.url());
        assertThat(page.locator("#explanation")).hasText(second.getString("explanation"));
        assertThat(page.locator("#date")).hasValue("2022-09-01");
        assertThat(page.locator("#chart .band.main").first()).hasAttribute("data-category", "general");
        page.goBack();
        assertTrue(page.url().endsWith("date=2024-06-01"), page.url());
        assertThat(page.locator("#explanation")).hasText(first.getString("explanation"));
        assertThat(page.locator("#chart .ask-line")).hasAttribute("data-date", "2024-06-01");
        page.goForward();
        assertThat(page.locator("#explanation")).hasText(second.getString("explanation"));
        page.reload();
        waitReady(page);
        assertThat(page.locator("#explanation")).hasText(second.getString("explanation"));
        assertTrue(page.url().startsWith(base.toString()), "Back never left the page: " + page.url());
    }

    @Test
    void badLinksGetAMessageAPersonUnderstandsAndAWayBack() {
        JsonPath today = given().get(API + "/status").then().statusCode(200).extract().jsonPath();
        for (String bad : new String[] {"2024-02-30", "yesterday", "2024-6-1"}) {
            Page page = open(1280, 800, "?provision=" + ID + "&date=" + bad);
            Locator error = page.locator("#answer-error");
            assertThat(error).containsText("“" + bad + "” is not a date");
            assertThat(error).containsText("for example 2024-06-01");
            assertThat(error).not().containsText("Query parameter");
            assertThat(page.locator("#verdict")).hasCount(0);
            page.locator("#answer-back").click();
            waitReady(page);
            assertThat(page.locator("#verdict")).hasText(verdict(today.get("restricted")));
            assertFalse(page.url().contains("date="), page.url());
        }

        JsonPath general = given().queryParam("date", "2024-06-01").get(API + "/status").then().extract().jsonPath();
        Page category = open(1280, 800, "?provision=" + ID + "&category=no-such-category&date=2024-06-01");
        assertThat(category.locator("#category-note")).containsText("no aid category “no-such-category”");
        assertThat(category.locator("#explanation")).hasText(general.getString("explanation"));

        Page other = open(1280, 800, "?provision=no-such-provision&date=2024-06-01", "error");
        assertThat(other.locator("#page-error")).containsText("There is no provision called “no-such-provision”");
        assertThat(other.locator("#page-error")).not().containsText("GET /api");
        other.locator("#page-error a").first().click();
        waitReady(other);
        assertTrue(other.url().endsWith("?provision=" + ID + "&date=2024-06-01"), other.url());
        assertThat(other.locator("#answer-heading")).containsText("1 June 2024");
        // neither link reached the API with a bad value: no 400/404 was logged (pageWasClean checks the console)
    }

    @Test
    void theDateFieldIsAFewTabsFromTheTopAndTheChartIsOneTabStop() {
        Page page = open(1280, 800, "?provision=" + ID + "&date=2024-06-01");
        int tabs = 0;
        while (!"other:date".equals(activeElement(page)) && tabs < 100) {
            page.keyboard().press("Tab");
            tabs++;
        }
        assertTrue(tabs <= 15, "Tab presses from the top to the date field: " + tabs);
        System.out.println("[measure] Tab presses from the top to the date field: " + tabs);

        int chartStops = 0;
        String first = null;
        for (int i = 0; i < 200; i++) {
            page.keyboard().press("Tab");
            String active = activeElement(page);
            if (active.startsWith("marker:") || active.startsWith("band:") || active.startsWith("group:") || active.equals("gap")) {
                chartStops++;
                first = first == null ? active : first;
            } else if (chartStops > 0) {
                break;
            }
        }
        assertEquals(1, chartStops, "the chart is one tab stop");
        String firstId = (String) apiEvents().get(0).get("id");
        assertTrue(first.equals("marker:" + firstId) || first.matches("group:\\w:" + Pattern.quote(firstId) + ":\\d+"),
                "Tab lands on the first event (or the group holding it): " + first);
    }

    @Test
    void arrowKeysWalkEveryEventInDateOrderAndTheViewFollows() {
        List<Map<String, Object>> events = apiEvents();
        List<String> ids = events.stream().map(e -> (String) e.get("id")).toList();
        Map<String, Object> legal = events.stream().filter(e -> Boolean.TRUE.equals(e.get("legalEffect"))
                && !((List<?>) e.get("sources")).isEmpty()).findFirst().orElseThrow();
        Map<String, Object> other = events.stream().filter(e -> Boolean.FALSE.equals(e.get("legalEffect")))
                .reduce((a, b) -> b).orElseThrow();
        for (int width : new int[] {1280, 360}) {
            Page page = open(width, 800, "");
            page.locator("#chart [tabindex='0']").focus(); // the chart's one tab stop

            List<String> reached = new ArrayList<>();
            boolean openedWithEnter = false, openedWithSpace = false;
            for (int i = 0; i < 400; i++) {
                String active = activeElement(page);
                if (active.startsWith("group:")) {
                    page.keyboard().press("Enter"); // a group zooms in until its markers come apart
                    String inside = activeElement(page);
                    assertTrue(inside.startsWith("marker:") || inside.startsWith("group:"), inside);
                    assertNotEquals(active, inside, "Enter on a group moves into it");
                    continue;
                }
                assertTrue(active.startsWith("marker:"), "arrows stay on events: " + active);
                String id = active.substring("marker:".length());
                if (!reached.isEmpty() && reached.get(reached.size() - 1).equals(id)) {
                    break; // → at the last event stays there
                }
                reached.add(id);
                assertFocusedMarkerIsInViewAndBigEnough(page, width);
                assertThat(page.locator("#tooltip")).isVisible();
                if (id.equals(legal.get("id"))) {
                    assertThat(page.locator("#tooltip")).containsText((String) legal.get("title"));
                    page.keyboard().press("Enter");
                    assertDetailsOpenFor(page, legal);
                    page.keyboard().press("Escape");
                    assertThat(page.locator("#details")).isHidden();
                    assertEquals(active, activeElement(page), "Escape returns focus to the marker");
                    openedWithEnter = true;
                } else if (id.equals(other.get("id"))) {
                    page.keyboard().press("Space");
                    assertDetailsOpenFor(page, other);
                    page.keyboard().press("Escape");
                    assertEquals(active, activeElement(page));
                    openedWithSpace = true;
                }
                page.keyboard().press("ArrowRight");
            }
            assertEquals(ids, reached, "→ reaches every event once, in date order, at " + width + " px");
            assertTrue(openedWithEnter && openedWithSpace);

            page.keyboard().press("Home");
            assertTrue(activeElement(page).equals("marker:" + ids.get(0)) || activeElement(page).startsWith("group:"),
                    "Home goes to the first event: " + activeElement(page));
            page.keyboard().press("End");
            String last = activeElement(page);
            assertTrue(last.equals("marker:" + ids.get(ids.size() - 1)) || last.startsWith("group:"), last);
            assertFocusedMarkerIsInViewAndBigEnough(page, width);

            // ↑ leaves the events for the rows drawn above them: gaps, then the bands of each category
            page.keyboard().press("ArrowUp");
            String up = activeElement(page);
            assertTrue(up.equals("gap") || up.startsWith("band:"), up);
            page.keyboard().press("ArrowDown");
            assertTrue(activeElement(page).startsWith("marker:") || activeElement(page).startsWith("group:"));

            // + / − / 0 zoom around the focused marker
            page.keyboard().press("0");
            double full = viewSpan(page);
            page.keyboard().press("+");
            double zoomed = viewSpan(page);
            assertTrue(zoomed < full * 0.8, zoomed + " < " + full);
            page.keyboard().press("-");
            assertTrue(viewSpan(page) > zoomed);
            assertEquals(1, page.locator("#chart [tabindex='0']").count(), "one tab stop, always");
        }
    }

    @Test
    void markersAreBigEnoughAndNeverOverlap() {
        for (int width : new int[] {1280, 360}) {
            Page page = open(width, 800, "");
            for (int zoomIns = 0; zoomIns < 4; zoomIns++) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> boxes = (List<Map<String, Object>>) page.evaluate("""
                        () => [...document.querySelectorAll('#chart .marker:not(.in-group)')].map(m => {
                          const r = m.querySelector('.ring').getBoundingClientRect();
                          return {id: m.dataset.eventId || m.dataset.group, x: r.x, y: r.y, w: r.width, h: r.height};
                        })""");
                assertTrue(boxes.size() > 5);
                for (int i = 0; i < boxes.size(); i++) {
                    Map<String, Object> a = boxes.get(i);
                    assertTrue(num(a, "w") >= 24 && num(a, "h") >= 24, "target of " + a + " at " + width + " px");
                    for (int j = i + 1; j < boxes.size(); j++) {
                        Map<String, Object> b = boxes.get(j);
                        boolean apart = num(a, "x") + num(a, "w") <= num(b, "x") + 0.5 || num(b, "x") + num(b, "w") <= num(a, "x") + 0.5
                                || num(a, "y") + num(a, "h") <= num(b, "y") + 0.5 || num(b, "y") + num(b, "h") <= num(a, "y") + 0.5;
                        assertTrue(apart, a + " overlaps " + b + " at " + width + " px");
                    }
                }
                page.locator("#zoom-in").click();
            }
        }
    }

    @Test
    void searchFiltersTheTableAndHighlightsMarkers() {
        List<Map<String, Object>> events = apiEvents();
        Page page = open(1280, 800, "");
        page.locator("#search").fill("Waiver");
        Set<String> expected = events.stream().filter(e -> searchable(e).contains("waiver"))
                .map(e -> (String) e.get("id")).collect(Collectors.toCollection(LinkedHashSet::new));
        assertTrue(expected.size() > 2 && expected.size() < events.size(), expected.toString());
        assertThat(page.locator("#events-body tr:visible")).hasCount(expected.size());
        assertEquals(List.copyOf(expected), attributes(page, "#events-body tr:not([hidden])", "data-event-id"));
        assertEquals(expected, Set.copyOf(attributes(page, "#chart .marker.match[data-event-id]", "data-event-id")));
        assertThat(page.locator("#search-count")).containsText(expected.size() + " events match");
        assertThat(page.locator("#chart")).hasClass(Pattern.compile("searching"));

        page.locator("#search").fill("no such words anywhere");
        assertThat(page.locator("#events-body tr:visible")).hasCount(0);
        assertThat(page.locator("#search-count")).hasText("No event matches.");
        page.locator("#search").fill("");
        assertThat(page.locator("#events-body tr:visible")).hasCount(events.size());
        assertThat(page.locator("#chart .marker.match")).hasCount(0);
    }

    @Test
    void choosingACategoryPutsItsLaneFirst() {
        List<String> humanitarian = given().queryParam("category", "humanitarian").get(API + "/timeline").then()
                .extract().jsonPath().getList("intervals.state");
        Page page = open(1280, 800, "?provision=" + ID + "&date=2010-03-01");
        page.locator("#category").selectOption("humanitarian");
        assertThat(page.locator("#chart .band.main").first()).hasAttribute("data-category", "humanitarian");
        assertEquals(humanitarian, attributes(page, "#chart .band.main", "data-state"));
        assertThat(page.locator("#answer-category")).hasText("Humanitarian assistance");
        assertThat(page.locator("#svg-download")).hasAttribute("href", API + "/timeline.svg?category=humanitarian");
    }

    @Test
    void theChartDownloadsAsSvgAndPng() throws IOException {
        Page page = open(1280, 800, "?provision=" + ID + "&date=2024-06-01");
        String expected = given().get(API + "/timeline.svg").then().statusCode(200).extract().asString();
        Download svg = page.waitForDownload(() -> page.locator("#svg-download").click());
        assertTrue(svg.suggestedFilename().matches("us-fsa-907_timeline_general_\\w+\\.svg"), svg.suggestedFilename());
        assertEquals(expected, Files.readString(svg.path()));

        Download png = page.waitForDownload(() -> page.locator("#png-download").click());
        assertTrue(png.suggestedFilename().endsWith(".png"), png.suggestedFilename());
        byte[] bytes = Files.readAllBytes(png.path());
        assertEquals("\u0089PNG", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        int width = java.nio.ByteBuffer.wrap(bytes, 16, 4).getInt();
        int svgWidth = Integer.parseInt(expected.replaceAll("(?s).*?<svg[^>]*?\\swidth=\"(\\d+)\".*", "$1"));
        assertEquals(2 * svgWidth, width, "the PNG is the SVG at twice its size");
        assertTrue(bytes.length > 20_000, "the PNG has content: " + bytes.length + " bytes");
    }

    @Test
    void nothingMovesWhileThePageLoads() {
        for (int[] size : new int[][] {{1280, 800}, {360, 740}}) {
            Page page = newPage(size[0], size[1], "UTC");
            page.addInitScript("""
                    window.__cls = 0;
                    new PerformanceObserver(list => {
                      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
                    }).observe({type: 'layout-shift', buffered: true});""");
            page.navigate(base + "?provision=" + ID + "&date=2024-06-01");
            waitReady(page);
            page.waitForTimeout(1500);
            double cls = ((Number) page.evaluate("() => window.__cls")).doubleValue();
            System.out.println("[measure] CLS at " + size[0] + "x" + size[1] + ": " + cls);
            assertTrue(cls < 0.1, "cumulative layout shift at " + size[0] + "×" + size[1] + ": " + cls);
        }
    }

    @Test
    void zoomAndPanWithButtonsWheelAndDragKeepTheAxisReadable() {
        for (int width : new int[] {1280, 360}) {
            Page page = open(width, 800, "");
            double full = viewSpan(page);
            assertAxisReadable(page);
            page.locator("#zoom-in").click();
            assertTrue(viewSpan(page) < full);
            page.locator("#zoom-fit").click();
            assertEquals(full, viewSpan(page), 1.0);

            Locator chart = page.locator("#chart");
            chart.scrollIntoViewIfNeeded();
            var box = chart.boundingBox();
            page.mouse().move(box.x + box.width / 2, box.y + 90);
            page.mouse().wheel(0, -400);
            double wheeled = viewSpan(page);
            assertTrue(wheeled < full * 0.9, "wheel zooms in: " + wheeled + " < " + full);

            double start = viewStart(page);
            page.mouse().move(box.x + box.width / 2, box.y + 90);
            page.mouse().down();
            page.mouse().move(box.x + box.width / 2 + 120, box.y + 90, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(6));
            page.mouse().up();
            assertTrue(viewStart(page) < start, "dragging right shows earlier dates");
            assertThat(page.locator("#details")).isHidden();

            start = viewStart(page);
            page.locator("#pan-right").click();
            assertTrue(viewStart(page) > start);
            page.locator("#pan-left").click();
            assertEquals(start, viewStart(page), 1.0);

            for (int i = 0; i < 14; i++) { // down to the deepest zoom, then back out
                page.locator("#zoom-in").click();
                assertAxisReadable(page);
            }
            assertTrue(viewSpan(page) < 100, "deep zoom shows weeks, not years: " + viewSpan(page));
            for (int i = 0; i < 16; i++) {
                page.locator("#zoom-out").click();
                assertAxisReadable(page);
            }
            assertEquals(full, viewSpan(page), 1.0);
        }
    }

    @Test
    void untrustedTextIsShownLiterallyNeverAsMarkup() {
        ObjectMapper json = new ObjectMapper();
        Page page = newPage(1280, 800, "Europe/Berlin");
        page.route(Pattern.compile(".*/api/provisions/" + ID + "/events(\\?.*)?$"), route -> {
            APIResponse real = route.fetch();
            try {
                ArrayNode body = (ArrayNode) json.readTree(real.text());
                ObjectNode first = (ObjectNode) body.get(0);
                first.put("title", PAYLOAD + " title");
                first.put("summary", PAYLOAD + " summary");
                ObjectNode source = (ObjectNode) first.withArray("sources").get(0);
                source.put("title", PAYLOAD + " source");
                source.put("url", "javascript:alert(2)");
                route.fulfill(new Route.FulfillOptions().setResponse(real).setBody(json.writeValueAsString(body)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        page.navigate(base.toString());
        waitReady(page);

        String firstId = (String) apiEvents().get(0).get("id");
        Locator row = page.locator("#events-body tr[data-event-id='" + firstId + "']");
        assertThat(row.locator(".event-title")).hasText(PAYLOAD + " title");
        assertTrue(page.locator("#chart .marker[data-event-id='" + firstId + "']").getAttribute("aria-label")
                .contains(PAYLOAD + " title"));
        row.locator(".event-title").click();
        assertThat(page.locator("#details-title")).hasText(PAYLOAD + " title");
        assertThat(page.locator("#details-body .details-summary")).hasText(PAYLOAD + " summary");
        assertThat(page.locator("#details-body .sources li").first()).containsText(PAYLOAD + " source");
        assertEquals(0, page.locator("img").count(), "no element was created from the payload");
        assertEquals(0, page.locator("a[href^='javascript']").count(), "a javascript: URL never becomes a link");
        page.waitForTimeout(300); // let an onerror handler, if any had been created, fire
        assertEquals(List.of(), jsDialogs);
    }

    @Test
    void datesAreShownAsStoredInEveryTimeZone() {
        List<Map<String, Object>> events = apiEvents();
        for (String zone : new String[] {"Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Los_Angeles"}) {
            Page page = newPage(1280, 800, zone);
            page.navigate(base + "?provision=" + ID + "&date=2024-06-01");
            waitReady(page);
            assertThat(page.locator("#answer-heading")).containsText("On 1 June 2024");
            for (Map<String, Object> e : events) {
                String stored = (String) e.get("date");
                Locator cell = page.locator("#events-body tr[data-event-id='" + e.get("id") + "'] td.col-date time");
                assertThat(cell).hasText(capitalize(expectedDate(stored)));
                assertThat(cell).hasAttribute("title", "Recorded as " + stored);
            }
        }
    }

    @Test
    void eventTableSortsAndFilters() {
        List<Map<String, Object>> events = apiEvents();
        long legal = given().queryParam("legalEffect", "true").get(API + "/events").then().statusCode(200)
                .extract().jsonPath().getList("$").size();
        Page page = open(1280, 800, "");
        Locator visible = page.locator("#events-body tr:visible");
        assertThat(visible).hasCount(events.size());
        page.locator("#legal-only").check();
        assertThat(visible).hasCount((int) legal);
        assertEquals(Set.of("true"), Set.copyOf(attributes(page, "#events-body tr:not([hidden])", "data-legal")));
        page.locator("#legal-only").uncheck();
        assertThat(visible).hasCount(events.size());

        assertThat(page.locator("#date-col")).hasAttribute("aria-sort", "ascending");
        assertEquals(events.get(0).get("id"), visible.first().getAttribute("data-event-id"));
        page.locator("#sort-date").click();
        assertThat(page.locator("#date-col")).hasAttribute("aria-sort", "descending");
        List<String> descending = attributes(page, "#events-body tr", "data-event-id");
        List<String> ascending = events.stream().map(e -> (String) e.get("id")).collect(Collectors.toList());
        java.util.Collections.reverse(ascending);
        assertEquals(ascending, descending);
    }

    @Test
    void readableAt360PixelsAndOnALargeScreenAndInPrint() {
        for (int[] size : new int[][] {{360, 800}, {1920, 1080}}) {
            Page page = open(size[0], size[1], "?provision=" + ID + "&date=2024-06-01");
            page.locator("#answer .sources-box summary").click();
            int scrollWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
            assertTrue(scrollWidth <= size[0], "no horizontal scroll at " + size[0] + ": " + scrollWidth);
            var svg = page.locator("#chart").boundingBox();
            assertTrue(svg.width <= size[0] && svg.width >= Math.min(size[0], 1100) * 0.9,
                    "the timeline uses the width: " + svg.width);
            assertEquals(svg.width, viewBoxWidth(page), 2.0, "SVG text is drawn at its real size");
            double font = ((Number) page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")).doubleValue();
            assertTrue(font >= 16, "body text is at least 16px");

            page.locator("#events-body .event-title").first().click();
            assertThat(page.locator("#details")).isVisible();
            var dialog = page.locator("#details").boundingBox();
            assertTrue(dialog.x >= 0 && dialog.x + dialog.width <= size[0], "the details dialog fits the screen");
            page.keyboard().press("Escape");
        }
        Page page = open(1280, 800, "");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator(".chart-toolbar")).isHidden();
        assertThat(page.locator("#ask-form")).isHidden();
        assertThat(page.locator("#chart")).isVisible();
        assertThat(page.locator("#events-table")).isVisible();
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolations() {
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {1280, 360}) {
            Page page = open(width, 800, "?provision=" + ID + "&date=2024-06-01");
            page.locator("#answer .sources-box summary").click();
            page.locator("#gaps summary").click();
            problems.addAll(seriousViolations(page, width + "px"));
            page.locator("#chart .marker[data-event-id]:not(.in-group)").first().click();
            assertThat(page.locator("#details")).isVisible();
            problems.addAll(seriousViolations(page, width + "px with details open"));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void securityHeadersAndNoInlineScriptOrStyle() {
        for (String path : new String[] {"/", "/index.html", "/app.js", "/app.css", "/js/chart.js"}) {
            given().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", EXPECTED_CSP)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer");
        }
        String html = given().get("/").then().contentType("text/html").extract().asString();
        assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "no inline <script>");
        assertFalse(Pattern.compile("\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no inline style");
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no inline handlers");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "nothing loaded from another origin");
        assertTrue(html.contains("<script type=\"module\" src=\"app.js\"></script>"), "native ES modules, no bundle");
        String entry = given().get("/app.js").then().extract().asString();
        List<String> modules = new ArrayList<>(List.of("/app.js"));
        java.util.regex.Matcher imports = Pattern.compile("from '\\./(js/[a-z]+\\.js)'").matcher(entry);
        while (imports.find()) {
            modules.add("/" + imports.group(1));
        }
        assertTrue(modules.size() >= 8, "split by role: " + modules);
        for (String module : modules) {
            String js = given().get(module).then().statusCode(200).contentType(Matchers.containsString("javascript"))
                    .header("Content-Security-Policy", EXPECTED_CSP).extract().asString();
            assertFalse(js.contains("innerHTML") || js.contains("outerHTML") || js.contains("insertAdjacentHTML")
                    || js.contains("document.write") || js.contains("eval(") || js.contains("new Function"),
                    module + ": data never goes through an HTML parser or eval");
            assertTrue(js.lines().count() < 800, module + " stays small: " + js.lines().count() + " lines");
        }

        Page page = newPage(1280, 800, "UTC");
        Response response = page.navigate(base.toString());
        assertEquals(EXPECTED_CSP, response.headerValue("content-security-policy"));
        waitReady(page);
        // the policy is enforced: inline script injected now is refused (and reported as a console error)
        Object ran = page.evaluate("""
                () => new Promise(resolve => {
                  window.__inline = false;
                  document.addEventListener('securitypolicyviolation', () => resolve(window.__inline), {once: true});
                  const s = document.createElement('script');
                  s.textContent = 'window.__inline = true';
                  document.body.appendChild(s);
                  setTimeout(() => resolve(window.__inline), 1000);
                })""");
        assertEquals(Boolean.FALSE, ran);
        consoleErrors.removeIf(m -> m.contains("Content Security Policy"));
    }

    @Test
    void screenshotsForTheReadme() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        for (Object[] shot : new Object[][] {{1280, "timeline-desktop.png"}, {360, "timeline-mobile.png"}}) {
            Page page = open((Integer) shot[0], 800, "?provision=" + ID + "&date=2024-06-01");
            page.locator("#legal-only").check();
            page.evaluate("() => document.fonts.ready");
            Path file = SCREENSHOTS.resolve((String) shot[1]);
            byte[] png = page.screenshot(new Page.ScreenshotOptions().setFullPage(true));
            Files.write(file, PngPalette.shrink(png));
            long size = Files.size(file);
            assertTrue(size > 20_000 && size < 700_000, file + " is " + size + " bytes");
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers --

    private Page newPage(int width, int height, String timeZone) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height).setTimezoneId(timeZone).setLocale("en-US"));
        contexts.add(context);
        Page page = context.newPage();
        page.setDefaultTimeout(20_000);
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text());
            }
        });
        page.onPageError(consoleErrors::add);
        page.onDialog(d -> {
            jsDialogs.add(d.type() + ": " + d.message());
            d.dismiss();
        });
        String host = base.getHost();
        int port = base.getPort();
        page.route("**/*", route -> {
            URI uri = URI.create(route.request().url());
            if (host.equals(uri.getHost()) && port == uri.getPort()) {
                route.resume();
            } else {
                offOrigin.add(route.request().url());
                route.abort();
            }
        });
        return page;
    }

    private Page open(int width, int height, String query) {
        return open(width, height, query, "ready");
    }

    private Page open(int width, int height, String query, String status) {
        Page page = newPage(width, height, "UTC");
        page.navigate(base + query);
        assertThat(page.locator("main")).hasAttribute("data-status", status);
        return page;
    }

    private static void waitReady(Page page) {
        assertThat(page.locator("main")).hasAttribute("data-status", "ready");
    }

    private static List<Map<String, Object>> apiEvents() {
        return given().get(API + "/events").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static List<String> attributes(Page page, String selector, String attribute) {
        return page.locator(selector).all().stream().map(l -> l.getAttribute(attribute)).toList();
    }

    private static String activeElement(Page page) {
        return (String) page.evaluate("""
                () => {
                  const a = document.activeElement;
                  if (!a || !a.classList) return '';
                  if (a.classList.contains('group')) return 'group:' + a.getAttribute('data-group');
                  if (a.classList.contains('marker')) return 'marker:' + a.getAttribute('data-event-id');
                  if (a.classList.contains('band')) return 'band:' + a.getAttribute('data-index');
                  if (a.classList.contains('gap')) return 'gap';
                  return 'other:' + (a.id || a.tagName);
                }""");
    }

    private static void assertDetailsOpenFor(Page page, Map<String, Object> event) {
        assertThat(page.locator("#details")).isVisible();
        assertThat(page.locator("#details-title")).hasText((String) event.get("title"));
        assertThat(page.locator("#details-body")).hasAttribute("data-event-id", (String) event.get("id"));
        assertThat(page.locator("#details-body ol.sources > li")).hasCount(((List<?>) event.get("sources")).size());
        for (String dt : List.of("Signed", "Effective", "Published", "Reported to Congress", "Confidence")) {
            assertThat(page.locator("#details-body dt", new Page.LocatorOptions().setHasText(
                    Pattern.compile("^" + dt + "$")))).hasCount(1);
        }
    }

    /** The focused marker (or group) lies inside the visible drawing and is a target of at least 24×24 px. */
    @SuppressWarnings("unchecked")
    private static void assertFocusedMarkerIsInViewAndBigEnough(Page page, int width) {
        Map<String, Object> r = (Map<String, Object>) page.evaluate("""
                () => {
                  const ring = document.activeElement.querySelector('.ring').getBoundingClientRect();
                  const chart = document.getElementById('chart').getBoundingClientRect();
                  return {x: ring.x, w: ring.width, h: ring.height, left: chart.left, right: chart.right};
                }""");
        double cx = num(r, "x") + num(r, "w") / 2;
        assertTrue(cx >= num(r, "left") && cx <= num(r, "right"), "the view follows the focused marker: " + r);
        assertTrue(num(r, "w") >= 24 && num(r, "h") >= 24, "target size " + r + " at " + width + " px");
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    /** The text the search box looks in, as the page gathers it (lower case). */
    @SuppressWarnings("unchecked")
    private static String searchable(Map<String, Object> e) {
        StringBuilder b = new StringBuilder();
        for (String k : new String[] {"id", "date", "title", "summary", "actor", "type", "notes"}) {
            b.append(' ').append(e.get(k) == null ? "" : String.valueOf(e.get(k)).replace('_', ' '));
        }
        if (e.get("instrument") instanceof Map<?, ?> ins) {
            b.append(' ').append(ins.get("kind")).append(' ').append(ins.get("number")).append(' ').append(ins.get("citation"));
        }
        for (Map<String, Object> src : (List<Map<String, Object>>) e.get("sources")) {
            b.append(' ').append(src.get("title")).append(' ').append(src.get("publisher"));
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static double viewBoxWidth(Page page) {
        String[] box = page.locator("#chart").getAttribute("viewBox").split(" ");
        return Double.parseDouble(box[2]);
    }

    private static double viewStart(Page page) {
        return Double.parseDouble(page.locator("#chart").getAttribute("data-view-start"));
    }

    private static double viewSpan(Page page) {
        return Double.parseDouble(page.locator("#chart").getAttribute("data-view-end")) - viewStart(page);
    }

    /** Tick labels exist, lie inside the drawing and never overlap one another. */
    @SuppressWarnings("unchecked")
    private static void assertAxisReadable(Page page) {
        Map<String, Object> axis = (Map<String, Object>) page.evaluate("""
                () => {
                  const width = document.getElementById('chart').viewBox.baseVal.width;
                  const rows = {};
                  for (const t of document.querySelectorAll('#chart .axis text')) {
                    const b = t.getBBox();
                    (rows[t.getAttribute('y')] = rows[t.getAttribute('y')] || []).push(b);
                  }
                  let count = 0, overlaps = 0, outside = 0;
                  for (const boxes of Object.values(rows)) {
                    boxes.sort((a, b) => a.x - b.x);
                    boxes.forEach((b, i) => {
                      count++;
                      if (b.x < -0.5 || b.x + b.width > width + 0.5) outside++;
                      if (i > 0 && b.x < boxes[i - 1].x + boxes[i - 1].width + 2) overlaps++;
                    });
                  }
                  return {count, overlaps, outside};
                }""");
        assertTrue(((Number) axis.get("count")).intValue() >= 1, "axis has labels: " + axis);
        assertEquals(0, ((Number) axis.get("overlaps")).intValue(), "axis labels overlap: " + axis);
        assertEquals(0, ((Number) axis.get("outside")).intValue(), "axis labels cut off: " + axis);
    }

    private static List<String> seriousViolations(Page page, String where) {
        AxeResults results = new AxeBuilder(page).analyze();
        assertFalse(results.isErrored(), results.getErrorMessage());
        return results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(r -> where + ": " + r.getId() + " (" + r.getImpact() + ") " + r.getNodes().stream()
                        .map(n -> n.getHtml()).limit(3).collect(Collectors.joining(" | ")))
                .toList();
    }

    private static String verdict(Object restricted) {
        return restricted == null ? "Uncertain" : (Boolean) restricted ? "Restricted" : "Not restricted";
    }

    /** An independent formatter of stored partial dates: "2020-03" → "March 2020", windows, "~". */
    static String expectedDate(String stored) {
        boolean approx = stored.endsWith("~");
        String s = approx ? stored.substring(0, stored.length() - 1) : stored;
        String[] range = s.split("/");
        if (range.length == 2) {
            return (approx ? "approximately between " : "between ") + single(range[0]) + " and " + single(range[1]);
        }
        return (approx ? "about " : "") + single(s);
    }

    private static String single(String s) {
        String[] p = s.split("-");
        if (p.length == 1) {
            return p[0];
        }
        String month = Month.of(Integer.parseInt(p[1])).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return p.length == 2 ? month + " " + p[0] : Integer.parseInt(p[2]) + " " + month + " " + p[0];
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
