package org.provisiontimeline.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every read answer, byte for byte, as it was before the status path was precomputed (issue 15): thousands of status
 * answers (dates × categories × provisions, with and without {@code asOf}), timelines, events, the provision list and
 * details, in JSON and CSV. {@code golden/answers.txt} holds, per request, the status, the headers that carry data and
 * a SHA-256 of the body; it was recorded from the code before the change with {@code -Dgolden.record=true}.
 * <p>
 * ETags contain the request URI (and with it the random test port), so they cannot be recorded; instead every answer
 * must carry one, repeat it on the same request, and answer {@code If-None-Match} with it by a 304.
 */
@QuarkusTest
@TestProfile(GoldenAnswersTest.Golden.class)
class GoldenAnswersTest {

    static final Path DATA = Path.of("src/test/resources/golden/data");
    static final Path ANSWERS = Path.of("src/test/resources/golden/answers.txt");
    static final String AS_OF = "2026-06-01T12:00:00Z";   // the fixed clock's instant: every version recorded then

    /** Its own data directory and a fixed clock, in a fresh database. */
    public static class Golden implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("timeline.data-dir", DATA.toString());
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FixedClock.class);
        }
    }

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyAnswerIsByteForByteWhatItWas() throws Exception {
        List<String> lines = new ArrayList<>();
        List<String[]> requests = requests();
        int checkedTags = 0;
        for (int i = 0; i < requests.size(); i++) {
            String path = requests.get(i)[0];
            String accept = requests.get(i)[1];
            HttpResponse<byte[]> r = get(path, accept, null);
            lines.add(line(path, accept, r));
            if (r.statusCode() == 200 && i % 7 == 0) {
                checkValidator(path, accept, r);
                checkedTags++;
            }
        }
        assertTrue(checkedTags > 500, "validators checked on a good sample: " + checkedTags);
        if (Boolean.getBoolean("golden.record")) {
            Files.writeString(ANSWERS, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            return;
        }
        List<String> expected = Files.readAllLines(ANSWERS, StandardCharsets.UTF_8);
        assertEquals(expected.size(), lines.size(), "same number of requests as recorded");
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!expected.get(i).equals(lines.get(i))) {
                String[] req = requests.get(i);
                differences.add("recorded: " + expected.get(i) + "\n   now:      " + lines.get(i) + "\n   body now: "
                        + new String(get(req[0], req[1], null).body(), StandardCharsets.UTF_8));
            }
        }
        if (!differences.isEmpty()) {
            fail(differences.size() + " of " + lines.size() + " answers changed; first ones:\n"
                    + String.join("\n", differences.subList(0, Math.min(5, differences.size()))));
        }
    }

    /** Same request, same tag; sent back in If-None-Match, a 304 with that tag and no body. */
    private void checkValidator(String path, String accept, HttpResponse<byte[]> first) throws Exception {
        String tag = first.headers().firstValue("ETag").orElse(null);
        assertNotNull(tag, "ETag on " + path);
        HttpResponse<byte[]> again = get(path, accept, null);
        assertEquals(tag, again.headers().firstValue("ETag").orElse(null), "stable ETag on " + path);
        HttpResponse<byte[]> conditional = get(path, accept, tag);
        assertEquals(304, conditional.statusCode(), "If-None-Match " + tag + " on " + path);
        assertEquals(tag, conditional.headers().firstValue("ETag").orElse(null), "304 repeats the ETag on " + path);
        assertEquals(0, conditional.body().length, "a 304 has no body");
        HttpResponse<byte[]> other = get(path, accept, "W/\"not-this-one\"");
        assertEquals(200, other.statusCode(), "a tag that does not match gets the answer, on " + path);
    }

    private HttpResponse<byte[]> get(String path, String accept, String ifNoneMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .header("Accept", accept);
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The recorded form of one answer: the port-dependent parts (absolute links) written as HOST. */
    private String line(String path, String accept, HttpResponse<byte[]> r) {
        String host = base.getHost() + ":" + base.getPort();
        StringBuilder sb = new StringBuilder(path).append(" [").append(accept).append("] ").append(r.statusCode());
        for (String h : List.of("Content-Type", "Dataset-Version", "X-Total-Count", "Link", "Content-Disposition")) {
            r.headers().firstValue(h).ifPresent(v -> sb.append(" | ").append(h).append(": ")
                    .append(v.replace(host, "HOST")));
        }
        if (r.statusCode() >= 400) {
            return sb.toString();   // problems are the hardening work's to word; only the status is pinned here
        }
        String body = new String(r.body(), StandardCharsets.UTF_8).replace(host, "HOST");
        return sb.append(" | ").append(body.length()).append(" chars sha256 ").append(sha256(body)).toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The requests, in a fixed order: built from the data files, so they cover every event's dates. */
    static List<String[]> requests() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, JsonNode> provisions = new LinkedHashMap<>();
        try (var files = Files.list(DATA)) {
            for (Path f : files.sorted().toList()) {
                JsonNode p = mapper.readTree(f.toFile());
                provisions.put(p.get("id").asText(), p);
            }
        }
        List<String[]> out = new ArrayList<>();
        String json = "application/json";
        out.add(new String[] {"/api/provisions", json});
        out.add(new String[] {"/api/provisions?limit=1", json});
        out.add(new String[] {"/api/provisions?limit=2&cursor=bzE", json});
        out.add(new String[] {"/api/provisions", "text/csv"});
        for (var p : provisions.entrySet()) {
            String id = p.getKey();
            String at = "/api/provisions/" + id;
            out.add(new String[] {at, json});
            out.add(new String[] {at + "?asOf=" + AS_OF, json});
            out.add(new String[] {at + "/events", json});
            out.add(new String[] {at + "/events?asOf=" + AS_OF, json});
            out.add(new String[] {at + "/events?from=2002&to=2012", json});
            out.add(new String[] {at + "/events?legalEffect=true", json});
            out.add(new String[] {at + "/events?type=WAIVER", json});
            out.add(new String[] {at + "/events?limit=5", json});
            out.add(new String[] {at + "/events?limit=5&cursor=bzU", json});
            out.add(new String[] {at + "/events", "text/csv"});
            out.add(new String[] {at + "/status", json});
            out.add(new String[] {at + "/status?asOf=" + AS_OF, json});
            out.add(new String[] {at + "/status?date=2024-06-01", "text/csv"});
            Set<LocalDate> dates = dates(p.getValue());
            List<String> categories = new ArrayList<>();
            p.getValue().get("categories").forEach(c -> categories.add(c.get("id").asText()));
            for (String c : categories) {
                out.add(new String[] {at + "/timeline?category=" + c, json});
                out.add(new String[] {at + "/timeline?category=" + c + "&asOf=" + AS_OF, json});
                out.add(new String[] {at + "/timeline?category=" + c + "&from=2000&to=2010", json});
                out.add(new String[] {at + "/timeline?category=" + c + "&from=2019-03", json});
                out.add(new String[] {at + "/timeline?category=" + c + "&to=1995-06-30", json});
                out.add(new String[] {at + "/timeline?category=" + c, "text/csv"});
                out.add(new String[] {at + "/status?category=" + c, json});
                int n = 0;
                for (LocalDate d : dates) {
                    out.add(new String[] {at + "/status?date=" + d + "&category=" + c, json});
                    if (n++ % 11 == 0) {
                        out.add(new String[] {at + "/status?date=" + d + "&category=" + c + "&asOf=" + AS_OF, json});
                    }
                }
            }
            out.add(new String[] {at + "/status?date=2024-06-01", json});
            out.add(new String[] {at + "/status?category=general&date=2024-06-01", json});
        }
        return out;
    }

    /** Every 61st day of 1985–2030, and the days around each event's and coverage gap's dates. */
    private static Set<LocalDate> dates(JsonNode provision) {
        Set<LocalDate> out = new TreeSet<>();
        for (LocalDate d = LocalDate.of(1985, 1, 1); d.isBefore(LocalDate.of(2031, 1, 1)); d = d.plusDays(61)) {
            out.add(d);
        }
        int n = 0;
        for (JsonNode e : provision.get("events")) {
            if (n++ > 120) {
                break;   // the big synthetic file: its first 120 events are enough, with the every-61-days grid
            }
            for (String field : List.of("date", "effectiveFrom", "effectiveUntil")) {
                if (e.hasNonNull(field)) {
                    around(out, e.get(field).asText());
                }
            }
        }
        for (JsonNode g : provision.path("coverage")) {
            around(out, g.get("from").asText());
            around(out, g.get("to").asText());
        }
        if (provision.hasNonNull("checkedThrough")) {
            around(out, provision.get("checkedThrough").asText());
        }
        return out;
    }

    private static void around(Set<LocalDate> out, String partialDate) {
        String text = partialDate.replace("~", "");
        List<LocalDate> ends = new ArrayList<>();
        for (String part : text.split("/")) {
            if (part.length() == 4) {
                ends.add(LocalDate.of(Integer.parseInt(part), 1, 1));
                ends.add(LocalDate.of(Integer.parseInt(part), 12, 31));
            } else if (part.length() == 7) {
                LocalDate first = LocalDate.parse(part + "-01");
                ends.add(first);
                ends.add(first.withDayOfMonth(first.lengthOfMonth()));
            } else {
                ends.add(LocalDate.parse(part));
            }
        }
        for (LocalDate d : ends) {
            out.add(d.minusDays(1));
            out.add(d);
            out.add(d.plusDays(1));
        }
    }
}
