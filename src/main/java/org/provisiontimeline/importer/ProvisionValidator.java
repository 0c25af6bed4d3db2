package org.provisiontimeline.importer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.provisiontimeline.status.Category;
import org.provisiontimeline.status.CoverageGap;
import org.provisiontimeline.status.Effect;
import org.provisiontimeline.status.Event;
import org.provisiontimeline.status.Instrument;
import org.provisiontimeline.status.Provision;
import org.provisiontimeline.status.Source;
import org.provisiontimeline.status.SourceKind;
import org.provisiontimeline.status.Timeline;

/** The domain rules a bound provision document must meet (docs/data-format.md); collects every violation. */
final class ProvisionValidator {

    static final Pattern PROVISION_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
    static final Pattern EVENT_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,99}$");
    private static final Pattern CATEGORY_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
    private static final int MAX_QUOTE = 400;
    private static final int MAX_TEXT = 20_000;
    private static final long MAX_RENEWAL_MONTHS = 1200;

    private final Provision provision;
    private final List<ValidationError> errors;

    ProvisionValidator(Provision provision, List<ValidationError> errors) {
        this.provision = provision;
        this.errors = errors;
    }

    static void check(Provision p, String prefix, List<ValidationError> errors) {
        new ProvisionValidator(p, errors).checkProvision(prefix);
    }

    private void checkProvision(String at) {
        Provision p = provision;
        if (required(at + "/id", p.id()) && !PROVISION_ID.matcher(p.id()).matches()) {
            error(at + "/id", "'" + p.id() + "' is not a provision id: lowercase letters, digits and '-', "
                    + "2 to 63 characters, starting with a letter or digit");
        }
        text(at + "/title", p.title(), true);
        text(at + "/shortTitle", p.shortTitle(), true);
        text(at + "/citation", p.citation(), true);
        text(at + "/jurisdiction", p.jurisdiction(), true);
        text(at + "/target", p.target(), true);
        text(at + "/restriction", p.restriction(), true);
        text(at + "/summary", p.summary(), false);
        if (p.text() != null) {
            text(at + "/text/quote", p.text().quote(), true);
            if (required(at + "/text/source", p.text().source())) {
                source(at + "/text/source", p.text().source());
            }
        }
        checkCategories(at);
        if (p.renewal() != null && !renewalWithinBounds(p.renewal())) {
            error(at + "/renewal", "'" + p.renewal() + "' must be a positive period of at most 100 years, "
                    + "such as P12M");
        }
        for (int i = 0; i < p.coverage().size(); i++) {
            CoverageGap g = p.coverage().get(i);
            String here = at + "/coverage/" + i;
            if (required(here + "/from", g.from()) & required(here + "/to", g.to()) && !g.to().isAfter(g.from())) {
                error(here + "/to", "'" + g.to() + "' must be after from ('" + g.from() + "'); gaps are closed-open");
            }
            if (g.from() != null && g.to() != null) {
                day(here + "/from", g.from());
                day(here + "/to", g.to());
            }
            text(here + "/note", g.note(), true);
        }
        if (required(at + "/checkedThrough", p.checkedThrough())) {
            day(at + "/checkedThrough", p.checkedThrough());
        }
        if (p.events().size() > DocumentLimits.MAX_EVENTS) {
            error(at + "/events", "a provision holds at most " + DocumentLimits.MAX_EVENTS + " events (this one would "
                    + "hold " + p.events().size() + ")");
        }
        checkEvents(at);
        if (errors.isEmpty()) {
            checkComputable(at);
        }
    }

    /** Last line of defence: every category's timeline must compute, or the document never reaches storage. */
    private void checkComputable(String at) {
        for (Category c : provision.categories()) {
            try {
                Timeline.of(provision, c.id());
            } catch (RuntimeException e) {
                error(at, "the status of category '" + c.id() + "' cannot be computed: " + e.getMessage());
            }
        }
    }

    private void checkEvents(String at) {
        Provision p = provision;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < p.events().size(); i++) {
            Event e = p.events().get(i);
            String here = at + "/events/" + i;
            if (e == null) {
                error(here, "an event must be an object");
                continue;
            }
            if (e.id() != null && !ids.add(e.id())) {
                error(here + "/id", "event id '" + e.id() + "' is used twice");
            }
            checkEvent(e, here);
        }
    }

    private void checkCategories(String at) {
        List<Category> categories = provision.categories();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < categories.size(); i++) {
            Category c = categories.get(i);
            String here = at + "/categories/" + i;
            if (required(here + "/id", c.id())) {
                if (!CATEGORY_ID.matcher(c.id()).matches()) {
                    error(here + "/id", "'" + c.id() + "' is not a category id: lowercase letters, digits and '-'");
                } else if (!seen.add(c.id())) {
                    error(here + "/id", "category '" + c.id() + "' is declared twice");
                }
            }
            text(here + "/label", c.label(), true);
        }
        if (!seen.contains(Category.GENERAL)) {
            error(at + "/categories", "the category 'general' (non-exempt assistance, the default) must be declared");
        }
    }

    void checkEvent(Event e, String at) {
        if (required(at + "/id", e.id()) && !EVENT_ID.matcher(e.id()).matches()) {
            error(at + "/id", "'" + e.id() + "' is not an event id: lowercase letters, digits and '-', "
                    + "2 to 100 characters");
        }
        required(at + "/date", e.date());
        required(at + "/type", e.type());
        boolean hasEffect = required(at + "/effect", e.effect());
        if (required(at + "/legalEffect", e.legalEffect()) && hasEffect
                && e.effect() != Effect.NONE && !e.legalEffect()) {
            error(at + "/legalEffect", "must be true: an event with effect " + e.effect() + " changes the law");
        }
        text(at + "/title", e.title(), true);
        text(at + "/summary", e.summary(), false);
        text(at + "/actor", e.actor(), false);
        text(at + "/conditional", e.conditional(), false);
        text(at + "/notes", e.notes(), false);
        required(at + "/confidence", e.confidence());
        if (e.effectiveUntil() != null) {
            if (hasEffect && e.effect() != Effect.SUSPEND && e.effect() != Effect.EXEMPT) {
                error(at + "/effectiveUntil", "only a SUSPEND or EXEMPT event can have an end, not " + e.effect());
            } else if (e.start() != null && !e.effectiveUntil().earliest().isAfter(e.start().earliest())) {
                error(at + "/effectiveUntil", "'" + e.effectiveUntil() + "' must end after the effect starts ('"
                        + e.start() + "')");
            }
        }
        if (hasEffect && e.effect() == Effect.EXEMPT && e.categories().isEmpty()) {
            error(at + "/categories", "an EXEMPT event must list the categories it exempts");
        }
        for (int i = 0; i < e.categories().size(); i++) {
            String c = e.categories().get(i);
            if (c == null || provision.category(c).isEmpty()) {
                error(at + "/categories/" + i, "'" + c + "' is not a category of this provision "
                        + provision.categories().stream().map(Category::id).toList());
            }
        }
        if (e.instrument() != null) {
            Instrument in = e.instrument();
            if (in.kind() == null && in.number() == null && in.citation() == null && in.url() == null) {
                error(at + "/instrument", "an instrument needs at least a kind, number, citation or url");
            }
            url(at + "/instrument/url", in.url());
        }
        if (e.sources().isEmpty()) {
            error(at + "/sources", "at least one source is required");
        }
        for (int i = 0; i < e.sources().size(); i++) {
            if (required(at + "/sources/" + i, e.sources().get(i))) {
                source(at + "/sources/" + i, e.sources().get(i));
            }
        }
    }

    private void source(String at, Source s) {
        text(at + "/title", s.title(), true);
        if (required(at + "/kind", s.kind()) && s.kind() != SourceKind.seed) {
            required(at + "/url", s.url());
        }
        url(at + "/url", s.url());
        text(at + "/publisher", s.publisher(), false);
        if (s.language() != null && !LANGUAGE.matcher(s.language()).matches()) {
            error(at + "/language", "'" + s.language() + "' is not a language tag such as en, ru or pt-BR");
        }
        if (s.quote() != null && s.quote().length() > MAX_QUOTE) {
            error(at + "/quote", "a quote is at most " + MAX_QUOTE + " characters (this one has "
                    + s.quote().length() + ")");
        }
    }

    /**
     * At most 100 years counted in days, not only months: {@code P365000000D} has zero months. Computed from a fixed
     * day, so years, months and days all count; an overflowing period is refused too.
     */
    static boolean renewalWithinBounds(java.time.Period renewal) {
        java.time.LocalDate base = java.time.LocalDate.of(2000, 1, 1);
        try {
            java.time.LocalDate end = base.plus(renewal);
            return !renewal.isNegative() && end.isAfter(base) && !end.isAfter(base.plusMonths(MAX_RENEWAL_MONTHS));
        } catch (java.time.DateTimeException | ArithmeticException overflow) {
            return false;
        }
    }

    /** Dates are four-digit years (0001–9999), like the partial dates: no -0001-01-01, no +10000-01-01. */
    private void day(String at, java.time.LocalDate d) {
        if (d.getYear() < 1 || d.getYear() > 9999) {
            error(at, "'" + d + "' is outside the years 0001–9999");
        }
    }

    private void url(String at, String url) {
        if (url == null) {
            return;
        }
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                error(at, "'" + url + "' is not an absolute http(s) URL");
            } else if (uri.getRawUserInfo() != null) {
                // http://trusted.example@evil.example/ reads as the first host and leads to the second.
                error(at, "'" + url + "' has a user part before '@'; give the plain URL of the source");
            }
        } catch (URISyntaxException e) {
            error(at, "'" + url + "' is not a URL: " + e.getReason());
        }
    }

    private void text(String at, String value, boolean isRequired) {
        if (isRequired && !required(at, value)) {
            return;
        }
        if (value != null && value.isBlank()) {
            error(at, "must not be blank");
        } else if (value != null && value.length() > MAX_TEXT) {
            error(at, "is longer than " + MAX_TEXT + " characters");
        }
    }

    private boolean required(String at, Object value) {
        if (value == null) {
            error(at, "is required");
            return false;
        }
        return true;
    }

    private void error(String at, String message) {
        errors.add(new ValidationError(at, message));
    }
}
