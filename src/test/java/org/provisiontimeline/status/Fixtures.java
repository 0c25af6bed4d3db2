package org.provisiontimeline.status;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/** Small fictional provisions for engine tests: each rule is tested on a record built for it. */
final class Fixtures {

    private final List<Event> events = new ArrayList<>();
    private final List<CoverageGap> coverage = new ArrayList<>();
    private Period renewal;
    private LocalDate checkedThrough = LocalDate.of(2099, 12, 31);

    static Fixtures provision() {
        return new Fixtures();
    }

    Fixtures renewal(String period) {
        renewal = Period.parse(period);
        return this;
    }

    Fixtures checkedThrough(String day) {
        checkedThrough = LocalDate.parse(day);
        return this;
    }

    Fixtures gap(String from, String to, String note) {
        coverage.add(new CoverageGap(LocalDate.parse(from), LocalDate.parse(to), note));
        return this;
    }

    Fixtures event(String id, String date, Effect effect) {
        return event(id, date, effect, null, null, List.of(), Confidence.CONFIRMED);
    }

    Fixtures event(String id, String date, Effect effect, Confidence confidence) {
        return event(id, date, effect, null, null, List.of(), confidence);
    }

    Fixtures until(String id, String date, String until) {
        return event(id, date, Effect.SUSPEND, null, until, List.of(), Confidence.CONFIRMED);
    }

    Fixtures forCategories(String id, String date, Effect effect, String... categories) {
        return event(id, date, effect, null, null, List.of(categories), Confidence.CONFIRMED);
    }

    Fixtures event(String id, String date, Effect effect, String from, String until, List<String> categories,
                   Confidence confidence) {
        events.add(new Event(id, PartialDate.parse(date), EventType.RELATED, effect, effect != Effect.NONE,
                from == null ? null : PartialDate.parse(from), until == null ? null : PartialDate.parse(until),
                null, categories, "Event " + id, null, null, null, null,
                List.of(new Source("Source of " + id, "https://example.org/" + id, null, null, "en",
                        SourceKind.primary, null)),
                confidence, null));
        return this;
    }

    Provision build() {
        return new Provision("fictional-act", "The Fictional Act, section 1", "Section 1", "Fict. L. 1", "XX",
                "Someone", "Aid is restricted.", null, null,
                List.of(new Category("general", "General"), new Category("food", "Food aid")),
                renewal, coverage, checkedThrough, events);
    }

    Timeline timeline() {
        return Timeline.of(build(), "general");
    }

    Timeline timeline(String category) {
        return Timeline.of(build(), category);
    }
}
