package org.provisiontimeline.status;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Plain-English explanation of a status answer, naming the governing events and their dates. */
final class Explanation {

    private Explanation() {
    }

    static String of(Provision p, String category, Segment s, PartialDate since, PartialDate until) {
        List<GoverningEvent> g = s.governing();
        String name = p.shortTitle() != null ? p.shortTitle() : p.title();
        String scope = Category.GENERAL.equals(category) ? ""
                : " for " + p.category(category).map(Category::label).orElse(category);
        return switch (s.state()) {
            case NOT_IN_FORCE -> notInForce(name, g, since);
            case IN_FORCE -> "Restricted" + scope + ": " + name + " is in force (" + imposed(g) + ")"
                    + ending(g, since) + ". " + untilSentence("The restriction", until);
            case SUSPENDED -> "Not restricted" + scope + ": " + name + " is in force (" + imposed(g)
                    + ") but suspended by " + describe(role(g, "suspends")) + ". "
                    + untilSentence("The suspension", until);
            case EXEMPT -> "Not restricted" + scope + ": " + name + " is in force (" + imposed(g) + ") but "
                    + g.stream().filter(e -> e.role().startsWith("exempts")).map(Explanation::describe)
                    .collect(Collectors.joining("; ")) + " exempts this category.";
            case UNCERTAIN -> uncertain(p, g, s, since);
        };
    }

    private static String notInForce(String name, List<GoverningEvent> g, PartialDate since) {
        Optional<GoverningEvent> terminated = role(g, "terminated");
        if (terminated.isPresent()) {
            return "Not in force: " + name + " ended on " + since + " (" + terminated.get().title() + ").";
        }
        return role(g, "not yet in force")
                .map(e -> "Not in force: " + name + " took effect later, on " + e.date() + " (" + e.title() + ").")
                .orElse("Not in force: no imposition of " + name + " is recorded.");
    }

    private static String imposed(List<GoverningEvent> g) {
        return role(g, "imposed").map(e -> "since " + e.date() + ": " + e.title()).orElse("imposition not recorded");
    }

    /** How the last suspension ended; {@code since} is when the restriction came back. */
    private static String ending(List<GoverningEvent> g, PartialDate since) {
        Optional<GoverningEvent> suspended = role(g, "suspended");
        Optional<GoverningEvent> endedBy = role(g, "ended the suspension");
        Optional<GoverningEvent> lapse = role(g, "lapsed");
        StringBuilder sb = new StringBuilder();
        if (suspended.isPresent()) {
            sb.append("; the suspension by ").append(describe(suspended.get()));
            if (lapse.isPresent()) {
                sb.append(" lapsed ").append(approx(lapse.get().date()))
                        .append(" (its renewal period elapsed and no renewal is recorded)");
            } else if (since != null) {
                sb.append(" ended ").append(when(since));
            }
            endedBy.ifPresent(e -> sb.append(" (recorded as: ").append(describe(e)).append(")"));
        } else {
            endedBy.ifPresent(e -> sb.append("; a suspension was ended by ").append(describe(e)));
        }
        return sb.toString();
    }

    private static String when(PartialDate d) {
        if (d.isDay()) {
            return "on " + d;
        }
        return "some day between " + d.earliest() + " and " + d.latest() + (d.approximate() ? " (approximately)" : "");
    }

    private static String uncertain(Provision p, List<GoverningEvent> g, Segment s, PartialDate since) {
        String states = s.candidates().stream().map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(" or "));
        Optional<GoverningEvent> lapse = role(g, "lapsed");
        if (lapse.isPresent() && p.checkedThrough() != null
                && lapse.get().date().latest().isAfter(p.checkedThrough())) {
            return "Uncertain: the suspension by " + role(g, "suspended").map(Explanation::describe).orElse("?")
                    + " lapses " + approx(lapse.get().date()) + " unless renewed, but the record was checked only "
                    + "through " + p.checkedThrough() + ", so a renewal may be missing. The restriction is either "
                    + states + ".";
        }
        String involved = g.stream().filter(e -> !"imposed".equals(e.role())).map(Explanation::describe)
                .collect(Collectors.joining("; "));
        return "Uncertain: the restriction changed " + (since == null ? "on an unknown day" : when(since))
                + ", and the record does not say on which day; on this day it may have been " + states
                + ". Events involved: " + involved + ".";
    }

    private static String untilSentence(String subject, PartialDate until) {
        return until == null ? "No later change is recorded." : subject + " runs until " + until + ".";
    }

    private static Optional<GoverningEvent> role(List<GoverningEvent> g, String role) {
        return g.stream().filter(e -> e.role().equals(role)).findFirst();
    }

    private static String describe(GoverningEvent e) {
        return e.title() + " (" + e.date() + ")";
    }

    private static String describe(Optional<GoverningEvent> e) {
        return e.map(Explanation::describe).orElse("an unrecorded event");
    }

    private static String approx(PartialDate d) {
        return d.approximate() ? "about " + d.text().replace("~", "") : "on " + d;
    }
}
