package org.provisiontimeline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provisiontimeline.postgres.PostgresServer;

/**
 * Production shape, with the packaged jar: a backup taken from an H2 instance restores losslessly into PostgreSQL;
 * two instances on one PostgreSQL agree within a second and serialise concurrent writes; readiness follows the
 * database while reads go on from memory. The timings measured are printed for docs/deploy.md.
 */
class MultiInstanceIT {

    private static final String ID = "multi-instance";
    private final List<AutoCloseable> running = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stopAll() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void twoInstancesOnOnePostgresStayConsistentAndABackupRestoresLosslessly() throws Exception {
        // 1. An H2 instance with the data file and an imported, then edited, provision: the backup's source.
        AppProcess h2 = keep(new AppProcess(Map.of("TIMELINE_DB_PATH", dir.resolve("h2/timeline").toString()),
                dir.resolve("h2.log")).start());
        String bundle = Files.readString(Path.of("src/test/resources/second-provision.json")).replace("PROVISION_ID", ID);
        assertEquals(200, h2.write("POST", "/api/import", bundle, null).statusCode());
        HttpResponse<String> read = h2.get("/api/provisions/" + ID);
        assertEquals(200, h2.write("PUT", "/api/provisions/" + ID, retitle(read.body(), "edited on H2"),
                read.headers().firstValue("ETag").orElseThrow()).statusCode());
        HttpResponse<String> backup = h2.get("/api/export");
        assertEquals(200, backup.statusCode(), backup.body());
        Map<String, String> onH2 = answers(h2);
        h2.close();

        // 2. Two instances of the same jar on one PostgreSQL; the backup restored through A.
        PostgresServer postgres = PostgresServer.start(dir.resolve("pg"), 0);
        running.add(postgres);
        Map<String, String> pgEnv = Map.of("TIMELINE_DB_URL", postgres.jdbcUrl(), "TIMELINE_DB_USER", "postgres");
        AppProcess a = keep(new AppProcess(pgEnv, dir.resolve("a.log")).start());
        AppProcess b = keep(new AppProcess(pgEnv, dir.resolve("b.log")).start());
        assertTrue(a.log().contains("Database: POSTGRESQL"), "the log says which database it opened");
        HttpResponse<String> restore = a.write("POST", "/api/import?mode=replace", backup.body(), null);
        assertEquals(200, restore.statusCode(), restore.body());
        assertEquals(backup.body(), a.get("/api/export").body(), "the export of the restored copy is the backup");
        assertEquals(onH2, answers(a), "every timeline and event list as on H2");

        // 3. Writes through A show in B's answers within 1 s (LISTEN/NOTIFY).
        List<Long> lags = new ArrayList<>();
        for (int i = -1; i < 10; i++) {   // the first (i = -1) warms both JVMs up and is reported apart
            HttpResponse<String> current = a.get("/api/provisions/" + ID);
            HttpResponse<String> w = a.write("PUT", "/api/provisions/" + ID, retitle(current.body(), "rev " + i),
                    current.headers().firstValue("ETag").orElseThrow());
            assertEquals(200, w.statusCode(), w.body());
            long acked = System.nanoTime();
            String tag = w.headers().firstValue("ETag").orElseThrow();
            while (!b.get("/api/provisions/" + ID).headers().firstValue("ETag").orElse("").equals(tag)) {
                assertTrue(System.nanoTime() - acked < 5_000_000_000L, "B never saw the write");
                Thread.sleep(5);
            }
            lags.add((System.nanoTime() - acked) / 1_000_000);
        }
        long warmUp = lags.remove(0);
        long worst = lags.stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.println("[measured] cross-instance lag (ms): first write " + warmUp + ", then 10 writes " + lags
                + ", max " + worst);
        assertTrue(worst <= 1000, "B answered from the new version within 1 s: " + lags);
        assertEquals(a.get("/api/changes?limit=1000").body(), b.get("/api/changes?limit=1000").body(),
                "identical change feeds");

        // 4. The same version edited through A and B at once: exactly one wins.
        HttpResponse<String> base = a.get("/api/provisions/" + ID);
        String tag = base.headers().firstValue("ETag").orElseThrow();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> racers = new ArrayList<>();
        for (AppProcess instance : List.of(a, b, a, b)) {
            racers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return instance.write("PUT", "/api/provisions/" + ID,
                            retitle(base.body(), "race " + System.nanoTime()), tag).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        go.countDown();
        List<Integer> codes = racers.stream().map(CompletableFuture::join).toList();
        System.out.println("[measured] concurrent writes through A and B: " + codes);
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), "one winner: " + codes);
        assertTrue(codes.stream().allMatch(c -> c == 200 || c == 409 || c == 412), codes.toString());

        // 5. The database goes away: readiness DOWN within 10 s, reads go on, writes get 503; back UP within 30 s.
        postgres.stop();
        long down = System.nanoTime();
        while (a.ready()) {
            assertTrue(System.nanoTime() - down < 10_000_000_000L, "readiness still UP 10 s after the database left");
            Thread.sleep(100);
        }
        long downMs = (System.nanoTime() - down) / 1_000_000;
        assertEquals(200, a.get("/api/provisions/" + ID + "/status?date=2012-06-01").statusCode(),
                "reads answer from memory");
        assertEquals(backup.body().length() > 0, a.get("/api/export").statusCode() == 200, "backups too");
        HttpResponse<String> feed = a.get("/api/changes");
        assertEquals(503, feed.statusCode(), "what needs the database says so: " + feed.body());
        HttpResponse<String> refused = a.write("PUT", "/api/provisions/" + ID, retitle(base.body(), "offline"),
                a.get("/api/provisions/" + ID).headers().firstValue("ETag").orElseThrow());
        assertEquals(503, refused.statusCode(), () -> refused.body() + tail(a));
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        postgres.resume();
        long back = System.nanoTime();
        while (!a.ready()) {
            assertTrue(System.nanoTime() - back < 30_000_000_000L, "readiness not UP 30 s after the database returned");
            Thread.sleep(100);
        }
        long upMs = (System.nanoTime() - back) / 1_000_000;
        System.out.println("[measured] readiness DOWN after " + downMs + " ms, UP again after " + upMs + " ms");
        HttpResponse<String> again = a.get("/api/provisions/" + ID);
        assertEquals(200, a.write("PUT", "/api/provisions/" + ID, retitle(again.body(), "online"),
                again.headers().firstValue("ETag").orElseThrow()).statusCode(), () -> "writes work again; log: " + tail(a));
    }

    private static String tail(AppProcess app) {
        try {
            String log = app.log();
            return log.substring(Math.max(0, log.length() - 6000));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private AppProcess keep(AppProcess p) {
        running.add(p);
        return p;
    }

    /** The provision document as read, with a new title: a real change, accepted as a PUT body. */
    private static String retitle(String detail, String title) {
        return detail.replaceFirst("\"title\":\"[^\"]*\"", "\"title\":\"" + title + "\"");
    }

    /** Every provision's events and the timeline of each of its categories, as served. */
    private static Map<String, String> answers(AppProcess app) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> out = new TreeMap<>();
        for (JsonNode summary : json.readTree(app.get("/api/provisions?limit=1000").body())) {
            String id = summary.get("id").asText();
            out.put(id + " events", app.get("/api/provisions/" + id + "/events?limit=1000").body());
            for (JsonNode category : json.readTree(app.get("/api/provisions/" + id).body()).get("categories")) {
                String c = category.get("id").asText();
                out.put(id + " timeline " + c, app.get("/api/provisions/" + id + "/timeline?category=" + c).body());
            }
        }
        assertTrue(out.size() >= 4, "both provisions compared: " + out.keySet());
        return out;
    }
}
