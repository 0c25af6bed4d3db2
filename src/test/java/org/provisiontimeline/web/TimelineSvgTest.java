package org.provisiontimeline.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.provisiontimeline.status.Confidence;
import org.provisiontimeline.status.CoverageGap;
import org.provisiontimeline.status.Effect;
import org.provisiontimeline.status.Event;
import org.provisiontimeline.status.EventType;
import org.provisiontimeline.status.Interval;
import org.provisiontimeline.status.PartialDate;
import org.provisiontimeline.status.State;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code GET /api/provisions/{id}/timeline.svg}: checked against the JSON timeline of the same request. */
@QuarkusTest
class TimelineSvgTest {

    private static final String API = "/api/provisions/us-fsa-907";

    @Test
    void aSelfContainedPictureOfTheSameIntervalsAndEvents() throws Exception {
        JsonPath timeline = given().get(API + "/timeline").then().statusCode(200).extract().jsonPath();
        JsonPath detail = given().get(API).then().statusCode(200).extract().jsonPath();
        int events = given().get(API + "/events").then().extract().jsonPath().getList("$").size();

        String svg = given().get(API + "/timeline.svg").then().statusCode(200)
                .contentType("image/svg+xml").header("Content-Disposition",
                        Matchers.startsWith("inline; filename=\"us-fsa-907_timeline_general_"))
                .extract().asString();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/screenshots/timeline.svg"), svg); // to look at
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("img", root.getAttribute("role"));
        assertEquals(detail.getString("title") + " — timeline", childText(root, "title"));
        String desc = childText(root, "desc");
        assertTrue(desc.contains("Non-exempt assistance"), desc);
        assertTrue(desc.contains(events + " events"), desc);

        List<Element> bands = bands(doc);
        assertEquals(timeline.getList("intervals.state"), bands.stream().map(b -> b.getAttribute("fill")
                .replace("url(#pat-", "").replace(")", "")).toList(), "one band per interval, in order");
        assertEquals(events, markers(doc), "one marker per event");
        assertTrue(svg.contains(">Legend<"));
        assertTrue(svg.contains("dataset version " + detail.getString("datasetVersion")));

        // self-contained: nothing to fetch, nothing to run, no inline style the CSP would refuse
        assertFalse(Pattern.compile("(?i)<script|<style|<image|<foreignObject|\\son\\w+=|\\sstyle=").matcher(svg).find());
        Matcher refs = Pattern.compile("(?:href|url\\()\\s*=?\\s*\"?([^\")]*)").matcher(svg);
        while (refs.find()) {
            assertTrue(refs.group(1).startsWith("#"), "only references inside the picture: " + refs.group(1));
        }
    }

    @Test
    void thePatternsAreThoseOfThePage() throws IOException {
        String page;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/index.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String svg = given().get(API + "/timeline.svg").then().statusCode(200).extract().asString();
        List<String> pagePatterns = patterns(page);
        assertEquals(6, pagePatterns.size());
        assertEquals(pagePatterns, patterns(svg));
    }

    @Test
    void fromToCategoryAndAsOfWorkAsForTheTimeline() throws Exception {
        for (Map<String, String> q : List.of(Map.of("from", "2020", "to", "2024"), Map.of("category", "humanitarian"),
                Map.of("from", "2023-06-01", "category", "exim"), Map.of("asOf", java.time.Instant.now().minusSeconds(1).toString()))) {
            List<String> states = given().queryParams(q).get(API + "/timeline").then().statusCode(200)
                    .extract().jsonPath().getList("intervals.state");
            int events = given().queryParams(filterParams(q)).get(API + "/events").then().statusCode(200)
                    .extract().jsonPath().getList("$").size();
            Document doc = parse(given().queryParams(q).get(API + "/timeline.svg").then().statusCode(200)
                    .extract().asString());
            assertEquals(states, bands(doc).stream().map(b -> b.getAttribute("fill")
                    .replace("url(#pat-", "").replace(")", "")).toList(), q.toString());
            assertEquals(events, markers(doc), q.toString());
        }
        String general = given().get(API + "/timeline.svg").then().extract().asString();
        String humanitarian = given().queryParam("category", "humanitarian").get(API + "/timeline.svg")
                .then().extract().asString();
        assertNotEquals(general, humanitarian);
        assertTrue(humanitarian.contains("Aid category: Humanitarian assistance"));
    }

    @Test
    void badParametersAreProblems() {
        given().queryParam("from", "2024-02-30").get(API + "/timeline.svg").then().statusCode(400)
                .contentType("application/problem+json").body("detail", Matchers.containsString("from"));
        given().queryParam("category", "nope").get(API + "/timeline.svg").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("from", "2025").queryParam("to", "2024").get(API + "/timeline.svg").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("dat", "2024").get(API + "/timeline.svg").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/provisions/no-such-provision/timeline.svg").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void recordTextIsEscapedAndTheDocumentStaysWellFormed() throws Exception {
        String hostile = "<script>alert(1)</script> & \"q\" 'a' \u0001\uFFFF end";
        Event e = new Event("e1", PartialDate.parse("2020-03"), EventType.STATEMENT, Effect.NONE, false, null, null,
                null, List.of(), hostile, null, null, null, null, List.of(), Confidence.CONFIRMED, null);
        Interval iv = new Interval(LocalDate.of(2020, 1, 1), null, State.IN_FORCE, true, Confidence.CONFIRMED,
                List.of(), List.of());
        String svg = TimelineSvg.render(new TimelineSvg.Picture(hostile, hostile, hostile, List.of(iv), List.of(e),
                List.of(new CoverageGap(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 6, 1), hostile)),
                LocalDate.of(2019, 1, 1), LocalDate.of(2022, 1, 1), LocalDate.of(2021, 1, 1)));
        assertFalse(svg.contains("<script"), "markup in the record is text, not markup");
        Document doc = parse(svg);
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        String expected = "<script>alert(1)</script> & \"q\" 'a'  end";
        assertEquals(expected + " — timeline", childText(doc.getDocumentElement(), "title"));
        assertTrue(doc.getDocumentElement().getTextContent().contains("2020-03: " + expected));
    }

    // ---------------------------------------------------------------------------------------------- helpers --

    /** The events the picture should show: the timeline's from/to filter the events, category and asOf do not. */
    private static Map<String, String> filterParams(Map<String, String> q) {
        Map<String, String> out = new java.util.HashMap<>(q);
        out.remove("category");
        return out;
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static String childText(Element root, String tag) {
        NodeList list = root.getElementsByTagName(tag);
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getParentNode() == root) {
                return list.item(i).getTextContent();
            }
        }
        return null;
    }

    /** State bands: the rects of the bands group (legend swatches are outside it). */
    private static List<Element> bands(Document doc) {
        List<Element> out = new ArrayList<>();
        NodeList rects = doc.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.getAttribute("fill").startsWith("url(#pat-") && !r.getAttribute("fill").equals("url(#pat-GAP)")
                    && "bands".equals(((Element) r.getParentNode()).getAttribute("class"))) {
                out.add(r);
            }
        }
        return out;
    }

    /** Event markers: the groups holding a diamond or a circle and a title. */
    private static int markers(Document doc) {
        int n = 0;
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if ("event".equals(g.getAttribute("class"))) {
                n++;
            }
        }
        return n;
    }

    private static List<String> patterns(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<pattern[\\s\\S]*?</pattern>").matcher(text);
        while (m.find()) {
            out.add(m.group().replaceAll(">\\s+<", "><").replaceAll("\\s+", " "));
        }
        return out;
    }

    private static final class Matchers {
        static org.hamcrest.Matcher<String> startsWith(String s) {
            return org.hamcrest.Matchers.startsWith(s);
        }

        static org.hamcrest.Matcher<String> containsString(String s) {
            return org.hamcrest.Matchers.containsString(s);
        }
    }
}
