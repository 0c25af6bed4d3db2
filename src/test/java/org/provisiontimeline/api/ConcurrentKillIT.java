package org.provisiontimeline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability under load, against the packaged application (issue 9): several editors write concurrently, the JVM is
 * killed with SIGKILL mid-storm, and after a restart on the same database every acknowledged write is there and no
 * write that was answered with an error is.
 */
class ConcurrentKillIT {

    private static final int WRITERS = 6;
    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("editor:kill-secret".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final java.util.Map<String, Integer> REFUSALS = new ConcurrentHashMap<>();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private AppProcess app;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.kill();
        }
    }

    /** What one writer saw: events acknowledged (201), refused with an answer, and sent without any answer. */
    private record Outcome(String provision, List<String> acknowledged, List<String> refused, List<String> unanswered) {
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillDuringConcurrentWrites() throws Exception {
        app = new AppProcess(java.util.Map.of("TIMELINE_DB_PATH", dir.resolve("db/timeline").toString(),
                "TIMELINE_EDITOR_PASSWORD", "kill-secret"), dir.resolve("app.log"), List.of()).start();
        int port = app.port;
        String template = Files.readString(Path.of("src/test/resources/second-provision.json"));
        List<String> ids = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String id = "kill-test-" + w;
            HttpResponse<String> created = post(port, "/api/import", null, template.replace("PROVISION_ID", id));
            assertEquals(200, created.statusCode(), created.body());
            ids.add(id);
        }

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        Set<String> running = ConcurrentHashMap.newKeySet();
        List<Future<Outcome>> writers = new ArrayList<>();
        for (String id : ids) {
            running.add(id);
            writers.add(pool.submit(() -> write(port, id)));
        }
        Thread.sleep(4000);   // let the storm build up
        app.kill();   // SIGKILL: no shutdown hook, no clean close of the database
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "writers stop once the server is gone");

        app.start();   // the same ports and database
        int acknowledged = 0;
        int refused = 0;
        int unanswered = 0;
        for (Future<Outcome> f : writers) {
            Outcome o = f.get();
            Set<String> stored = storedEventIds(port, o.provision());
            for (String e : o.acknowledged()) {
                assertTrue(stored.contains(e), o.provision() + ": acknowledged event " + e + " was lost");
            }
            for (String e : o.refused()) {
                assertTrue(!stored.contains(e), o.provision() + ": event " + e + " was answered with an error but "
                        + "committed");
            }
            acknowledged += o.acknowledged().size();
            refused += o.refused().size();
            unanswered += o.unanswered().size();
        }
        System.out.printf("kill -9 during %d concurrent writers: %d acknowledged writes, all present after restart; "
                + "%d refused %s, none committed; %d unanswered at the kill%n", WRITERS, acknowledged, refused, REFUSALS,
                unanswered);
        assertTrue(acknowledged >= WRITERS, "the writers got some writes in before the kill: " + acknowledged);
    }

    /** Adds events to one provision as fast as the server answers, following its ETags, until the server dies. */
    private Outcome write(int port, String id) throws Exception {
        List<String> acknowledged = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        String etag = http.send(HttpRequest.newBuilder(URI.create(base(port) + "/api/provisions/" + id)).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
        for (int n = 0; n < 100_000; n++) {
            String eventId = "storm-" + n;
            String event = """
                    {"id": "%s", "date": "2011-02-03", "type": "STATEMENT", "effect": "NONE", "legalEffect": false,
                     "title": "Statement %d", "confidence": "CONFIRMED",
                     "sources": [{"title": "Fictional Daily", "url": "https://daily.example/%d", "kind": "secondary"}]}
                    """.formatted(eventId, n, n);
            HttpResponse<String> r;
            try {
                r = post(port, "/api/provisions/" + id + "/events", etag, event);
            } catch (IOException serverGone) {
                unanswered.add(eventId);
                break;
            }
            if (r.statusCode() == 201) {
                acknowledged.add(eventId);
            } else {
                refused.add(eventId);
                REFUSALS.merge(r.statusCode() + " " + r.body().replaceAll(".*\"detail\":\"([^\"]{0,80}).*", "$1"), 1,
                        Integer::sum);
            }
            try {   // the 201 carries the event's tag; the next addition needs the provision's, as an editor would
                etag = http.send(HttpRequest.newBuilder(URI.create(base(port) + "/api/provisions/" + id)).build(),
                        HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
            } catch (IOException serverGone) {
                break;
            }
        }
        return new Outcome(id, acknowledged, refused, unanswered);
    }

    private Set<String> storedEventIds(int port, String id) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base(port) + "/api/provisions/" + id
                + "/events?limit=1000")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Set<String> ids = new HashSet<>();
        for (JsonNode e : JSON.readTree(r.body())) {
            ids.add(e.get("id").asText());
        }
        return ids;
    }

    private HttpResponse<String> post(int port, String path, String ifMatch, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base(port) + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Authorization", AUTH)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }


    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

}
