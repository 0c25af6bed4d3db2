import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic catalog of valid data files: {@code java bench/SyntheticCatalog.java DIR PROVISIONS EVENTS [SEED]}.
 * Each provision is enacted, then suspended by waivers (some with a stated end, some lapsing after the renewal
 * period, some of unknown day: month, year, day range, approximate), reinstated, exempted for one category, and
 * annotated with statements, so every branch of the engine is exercised. Deterministic for a seed; no dependencies,
 * so a fresh clone can run it with the JDK alone.
 */
public class SyntheticCatalog {

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: java bench/SyntheticCatalog.java DIR PROVISIONS EVENTS [SEED]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int provisions = Integer.parseInt(args[1]);
        int events = Integer.parseInt(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 907;
        Files.createDirectories(dir);
        for (int n = 0; n < provisions; n++) {
            String id = String.format("synth-%04d", n);
            Files.writeString(dir.resolve(id + ".json"), provision(id, events, new Random(seed + n)),
                    StandardCharsets.UTF_8);
        }
    }

    static String provision(String id, int events, Random random) {
        StringBuilder sb = new StringBuilder(events * 420);
        sb.append("{\n  \"id\": \"").append(id).append("\",\n")
                .append("  \"title\": \"Synthetic Restrictions Act ").append(id).append(", section 7\",\n")
                .append("  \"shortTitle\": \"Section 7 (").append(id).append(")\",\n")
                .append("  \"citation\": \"Synth. L. ").append(id).append("\",\n")
                .append("  \"jurisdiction\": \"XX\",\n  \"target\": \"A synthetic government\",\n")
                .append("  \"restriction\": \"Assistance to the target is barred.\",\n")
                .append("  \"categories\": [{\"id\": \"general\", \"label\": \"Non-exempt assistance\"},")
                .append(" {\"id\": \"humanitarian\", \"label\": \"Humanitarian aid\"},")
                .append(" {\"id\": \"energy\", \"label\": \"Energy credits\"}],\n")
                .append("  \"renewal\": \"P12M\",\n")
                .append("  \"coverage\": [{\"from\": \"2004-01-01\", \"to\": \"2005-01-01\", ")
                .append("\"note\": \"The gazette for 2004 was not read.\"}],\n")
                .append("  \"checkedThrough\": \"2024-12-31\",\n  \"events\": [\n");
        // Events spread over 1990-2025; the enactment comes first, the rest in date order.
        LocalDate start = LocalDate.of(1990, 1, 1);
        long span = LocalDate.of(2025, 12, 31).toEpochDay() - start.toEpochDay();
        List<String> out = new ArrayList<>();
        out.add(event(id, 0, LocalDate.of(1990, 1, 1).toString(), "ENACTED", "IMPOSE", null, null, random));
        for (int i = 1; i < events; i++) {
            LocalDate day = start.plusDays(1 + span * i / events);
            int kind = random.nextInt(20);
            String date = dateOf(day, random);
            if (kind < 8) {
                String until = random.nextInt(3) == 0 ? day.plusMonths(6 + random.nextInt(12)).toString() : null;
                if (until != null && !LocalDate.parse(until).isAfter(PartialLatest.of(date))) {
                    until = null;
                }
                out.add(event(id, i, date, "WAIVER", "SUSPEND", until, null, random));
            } else if (kind < 10) {
                out.add(event(id, i, date, "WAIVER_LAPSED", "REINSTATE", null, null, random));
            } else if (kind < 11) {
                out.add(event(id, i, day.toString(), "EXEMPTION", "EXEMPT", day.plusYears(1).toString(),
                        "humanitarian", random));
            } else if (kind < 12 && i > events / 2) {
                out.add(event(id, i, day.toString(), "ENACTED", "IMPOSE", null, null, random));
            } else {
                out.add(event(id, i, date, "STATEMENT", "NONE", null, null, random));
            }
        }
        sb.append(String.join(",\n", out)).append("\n  ]\n}\n");
        return sb.toString();
    }

    /** Mostly exact days; some months, years, day windows and approximate days, as real records have. */
    static String dateOf(LocalDate day, Random random) {
        int p = random.nextInt(20);
        if (p < 14) {
            return day.toString();
        } else if (p < 16) {
            return day.toString().substring(0, 7);
        } else if (p < 17) {
            return day.toString().substring(0, 4);
        } else if (p < 19) {
            return day + "/" + day.plusDays(1 + random.nextInt(60));
        }
        return day + "~";
    }

    static String event(String provision, int n, String date, String type, String effect, String until,
                        String category, Random random) {
        String id = String.format("e%05d-%s", n, type.toLowerCase().replace('_', '-'));
        String[] confidence = {"CONFIRMED", "CONFIRMED", "SECONDARY", "INFERRED", "DISPUTED"};
        StringBuilder sb = new StringBuilder(400);
        sb.append("    {\"id\": \"").append(id).append("\", \"date\": \"").append(date)
                .append("\", \"type\": \"").append(type).append("\", \"effect\": \"").append(effect)
                .append("\", \"legalEffect\": ").append(!"NONE".equals(effect));
        if (until != null) {
            sb.append(", \"effectiveUntil\": \"").append(until).append('"');
        }
        if (category != null) {
            sb.append(", \"categories\": [\"").append(category).append("\"]");
        }
        sb.append(",\n     \"title\": \"").append(type.charAt(0)).append(type.substring(1).toLowerCase().replace('_', ' '))
                .append(" number ").append(n).append(" of ").append(provision).append("\",\n")
                .append("     \"summary\": \"A synthetic event, generated for benchmarks.\",\n")
                .append("     \"instrument\": {\"kind\": \"Determination\", \"number\": \"").append(n).append("\"},\n")
                .append("     \"sources\": [{\"title\": \"Synthetic gazette, item ").append(n)
                .append("\", \"url\": \"https://example.org/").append(provision).append('/').append(n)
                .append("\", \"publisher\": \"Example Gazette\", \"language\": \"en\", \"kind\": \"primary\"}],\n")
                .append("     \"confidence\": \"").append(confidence[random.nextInt(confidence.length)]).append("\"}");
        return sb.toString();
    }

    /** The last day a generated date may denote, so a stated end always follows its start. */
    static final class PartialLatest {
        static LocalDate of(String date) {
            String d = date.replace("~", "");
            if (d.contains("/")) {
                return LocalDate.parse(d.substring(d.indexOf('/') + 1));
            } else if (d.length() == 4) {
                return LocalDate.of(Integer.parseInt(d), 12, 31);
            } else if (d.length() == 7) {
                LocalDate first = LocalDate.parse(d + "-01");
                return first.withDayOfMonth(first.lengthOfMonth());
            }
            return LocalDate.parse(d);
        }
    }
}
