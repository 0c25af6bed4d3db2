package org.provisiontimeline.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.provisiontimeline.client.ApiClient;
import org.provisiontimeline.client.ApiException;
import org.provisiontimeline.client.ApiResponse;
import org.provisiontimeline.client.api.CsvApi;
import org.provisiontimeline.client.api.CurationApi;
import org.provisiontimeline.client.api.EventsApi;
import org.provisiontimeline.client.api.HistoryApi;
import org.provisiontimeline.client.api.ProvisionsApi;
import org.provisiontimeline.client.api.StatusApi;
import org.provisiontimeline.client.model.Detail;
import org.provisiontimeline.client.model.Event;
import org.provisiontimeline.client.model.EventType;
import org.provisiontimeline.client.model.ImportBundle;
import org.provisiontimeline.client.model.ImportResult;
import org.provisiontimeline.client.model.Problem;
import org.provisiontimeline.client.model.State;
import org.provisiontimeline.client.model.StatusAnswer;
import org.provisiontimeline.client.model.Summary;
import org.provisiontimeline.client.model.TimelineView;
import org.provisiontimeline.client.model.VersionView;

/**
 * An analyst's client: generated at build time by openapi-generator (java, native, Jackson) from the document this
 * application serves, used here as is, with no hand-written deserializer or patch. If the contract drifts from the
 * answers, these calls fail to deserialize or to compile.
 */
@QuarkusTest
class GeneratedClientTest {

    private static final String ID = "us-fsa-907";
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    private static final Map<String, String> EDITOR = Map.of("Authorization", "Basic "
            + Base64.getEncoder().encodeToString("editor:test-editor-password".getBytes(StandardCharsets.UTF_8)));

    @TestHTTPResource("/")
    URL root;

    private ApiClient client;

    @BeforeEach
    void client() {
        client = new ApiClient();
        client.updateBaseUri(root.toString().replaceAll("/$", ""));
    }

    @Test
    void listProvisions() throws ApiException {
        ApiResponse<List<Summary>> page = new ProvisionsApi(client).listProvisionsWithHttpInfo(null, 100);
        Summary s907 = page.getData().stream().filter(s -> s.getId().equals(ID)).findFirst().orElseThrow();
        assertNotNull(s907.getCurrent().getState());
        assertEquals(Integer.toString(page.getData().size()), header(page, "X-Total-Count"));
    }

    @Test
    void getProvision() throws ApiException {
        ApiResponse<Detail> detail = new ProvisionsApi(client).getProvisionWithHttpInfo(ID, null);
        assertEquals(ID, detail.getData().getId());
        assertFalse(detail.getData().getEvents().isEmpty());
        assertTrue(detail.getData().getVersionNo() >= 1);
        assertNotNull(header(detail, "ETag"));
    }

    @Test
    void pageFilteredEventsFollowingLink() throws ApiException {
        EventsApi events = new EventsApi(client);
        List<Event> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiResponse<List<Event>> page = events.listEventsWithHttpInfo(ID, null, cursor, "2002", true, 3, "2025",
                    null);
            all.addAll(page.getData());
            assertNotNull(header(page, "Dataset-Version"));
            String link = header(page, "Link");
            cursor = link == null ? null : cursorOf(link);
            pages++;
        } while (cursor != null && pages < 50);
        assertTrue(pages > 1, "the filter should span several pages of 3");
        assertTrue(all.stream().allMatch(e -> Boolean.TRUE.equals(e.getLegalEffect())));
        assertEquals(all.size(), all.stream().map(Event::getId).distinct().count());
        List<Event> waivers = events.listEvents(ID, null, null, null, null, null, null, EventType.WAIVER_EXTENSION);
        assertTrue(waivers.stream().allMatch(e -> e.getType() == EventType.WAIVER_EXTENSION) && !waivers.isEmpty());
    }

    @Test
    void getEvent() throws ApiException {
        Event event = new EventsApi(client).getEvent("2025-08-08-trump-memorandum", ID, null);
        assertEquals("2025-08-08", event.getDate());
        assertFalse(event.getSources().isEmpty());
    }

    @Test
    void statusRestrictedIn2024() throws ApiException {
        StatusAnswer answer = new StatusApi(client).getStatus(ID, null, null, LocalDate.of(2024, 6, 1));
        assertEquals(Boolean.TRUE, answer.getRestricted());
        assertEquals(State.IN_FORCE, answer.getState());
        assertEquals("2023-06-21/2023-10-01", answer.getSince());   // a partial date, as text
    }

    @Test
    void statusUncertainIn2023HasRestrictedNull() throws ApiException {
        StatusAnswer answer = new StatusApi(client).getStatus(ID, null, null, LocalDate.of(2023, 8, 1));
        assertNull(answer.getRestricted());
        assertEquals(State.UNCERTAIN, answer.getState());
        assertFalse(answer.getCandidates().isEmpty());
    }

    @Test
    void timeline2022To2025() throws ApiException {
        TimelineView timeline = new StatusApi(client).getTimeline(ID, null, null, "2022", "2025");
        assertEquals("2022", timeline.getFrom());
        assertEquals(LocalDate.of(2022, 1, 1), timeline.getIntervals().get(0).getFrom());
        assertEquals(LocalDate.of(2026, 1, 1), timeline.getIntervals().get(timeline.getIntervals().size() - 1).getTo());
    }

    /** The second ask of a timeline or an events page is served from bytes kept in direct memory (issue 15). */
    @Test
    void keptAnswersReadTheSameAsTheFirst() throws ApiException {
        StatusApi status = new StatusApi(client);
        TimelineView first = status.getTimeline(ID, null, null, "2003", "2012-06");
        assertEquals(first, status.getTimeline(ID, null, null, "2003", "2012-06"));
        EventsApi events = new EventsApi(client);
        ApiResponse<List<Event>> page = events.listEventsWithHttpInfo(ID, null, null, "2019", null, null, "2024",
                null);
        ApiResponse<List<Event>> again = events.listEventsWithHttpInfo(ID, null, null, "2019", null, null, "2024",
                null);
        assertEquals(page.getData(), again.getData());
        assertFalse(again.getData().isEmpty());
        assertEquals(header(page, "X-Total-Count"), header(again, "X-Total-Count"));
        assertEquals(String.valueOf(again.getData().size()), header(again, "X-Total-Count"));
        assertEquals(header(page, "Dataset-Version"), header(again, "Dataset-Version"));
    }

    @Test
    void historyAndOneVersion() throws ApiException {
        HistoryApi history = new HistoryApi(client);
        List<VersionView> versions = history.listVersions(ID);
        assertEquals(1, versions.get(0).getVersionNo());
        Detail first = history.getVersion(ID, 1);
        assertEquals(ID, first.getId());
        assertEquals(1, first.getVersionNo());
    }

    @Test
    void changeFeed() throws ApiException {
        ApiResponse<List<VersionView>> feed = new HistoryApi(client).listChangesWithHttpInfo(null, 1, "2000-01-01");
        assertEquals(1, feed.getData().size());
        String link = header(feed, "Link");
        assertNotNull(link, "more than one version exists, so a next page is linked");
        List<VersionView> next = new HistoryApi(client).listChanges(cursorOf(link), 1, "2000-01-01");
        assertTrue(next.get(0).getSeq() > feed.getData().get(0).getSeq());
    }

    @Test
    void badRequestAsTypedProblem() throws IOException {
        ApiException e = assertThrows(ApiException.class,
                () -> new StatusApi(client).getTimeline(ID, null, null, "2024-02-30", null));
        assertEquals(400, e.getCode());
        Problem problem = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        assertEquals("/problems/invalid-parameter", problem.getType());
        assertEquals("from", problem.getErrors().get(0).getParameter());
    }

    @Test
    void notFoundAsTypedProblem() throws IOException {
        ApiException e = assertThrows(ApiException.class,
                () -> new ProvisionsApi(client).getProvision("no-such-provision", null));
        assertEquals(404, e.getCode());
        Problem problem = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        assertEquals("/problems/unknown-provision", problem.getType());
        assertEquals(404, problem.getStatus());
    }

    @Test
    void csvAsText() throws ApiException, IOException {
        String csv = Files.readString(new CsvApi(client).exportEventsCsv(ID, null, null, "2025", null, null, null)
                .toPath());
        assertTrue(csv.startsWith("provision_id,") || csv.contains("event_id"), csv.substring(0, 80));
        assertTrue(csv.contains("2025-08-08-trump-memorandum"));
    }

    @Test
    void annotateCsvBatch() throws ApiException, IOException {
        String annotated = Files.readString(new StatusApi(client).annotateDates(ID, "date\n2024-06-01\n", null, null,
                null, null, null, null).toPath());
        assertTrue(annotated.lines().count() == 2 && annotated.contains("IN_FORCE"), annotated);
    }

    @Test
    void editorWritesWithIfMatch() throws ApiException, IOException {
        CurationApi curation = new CurationApi(client);
        String id = "client-" + UUID.randomUUID().toString().substring(0, 8);
        ImportBundle bundle = client.getObjectMapper().readValue(bundle(id), ImportBundle.class);
        List<ImportResult> imported = curation.importBundle(bundle, null, null, EDITOR);
        assertEquals(ImportResult.OutcomeEnum.WRITTEN, imported.get(0).getOutcome());

        ApiResponse<Event> current = new EventsApi(client).getEventWithHttpInfo("2010-01-01-enacted", id, null);
        Event edited = current.getData().summary("Edited with the generated client");
        ApiResponse<Event> written = curation.replaceEventWithHttpInfo("2010-01-01-enacted", id,
                header(current, "ETag"), edited, EDITOR);
        assertEquals(200, written.getStatusCode());
        assertEquals("Edited with the generated client", written.getData().getSummary());
        assertNotEquals(header(current, "ETag"), header(written, "ETag"));

        ApiException stale = assertThrows(ApiException.class, () -> curation.replaceEvent("2010-01-01-enacted", id,
                header(current, "ETag"), edited, EDITOR));
        assertEquals(412, stale.getCode());
        ApiException anonymous = assertThrows(ApiException.class, () -> curation.replaceEvent("2010-01-01-enacted",
                id, header(written, "ETag"), edited));
        assertEquals(401, anonymous.getCode());
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(h -> h.getValue().get(0)).findFirst().orElse(null);
    }

    private static String cursorOf(String link) {
        Matcher m = NEXT.matcher(link);
        assertTrue(m.find(), link);
        String query = URI.create(m.group(1)).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("cursor=")) {
                return java.net.URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no cursor in " + link);
    }

    private static String bundle(String id) {
        try (InputStream in = GeneratedClientTest.class.getResourceAsStream("/second-provision.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("PROVISION_ID", id);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
