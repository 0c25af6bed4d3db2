package org.provisiontimeline.web;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.provisiontimeline.status.CoverageGap;
import org.provisiontimeline.status.Effect;
import org.provisiontimeline.status.Confidence;
import org.provisiontimeline.status.Event;
import org.provisiontimeline.status.Interval;
import org.provisiontimeline.status.State;

/**
 * Draws one provision's timeline as a self-contained SVG picture: what researchers paste into papers and slides.
 *
 * <p>The picture uses the page's colours and patterns (state by colour <em>and</em> pattern, events by shape) and
 * carries its own legend, title and provenance line, because a picture is read away from the page. Only presentation
 * attributes are used, no {@code <style>}: the service's Content-Security-Policy also applies to an SVG opened on its
 * own, and it refuses inline style. Every text from the record goes through {@link #escape(String)}.
 */
public final class TimelineSvg {

    /** What is drawn: the record's facts for one category over one span of days. */
    public record Picture(String title, String subtitle, String categoryLabel, List<Interval> intervals,
                          List<Event> events, List<CoverageGap> gaps, LocalDate start, LocalDate end,
                          LocalDate checkedThrough) {
    }

    static final int WIDTH = 1200;
    private static final int ML = 20;
    private static final int MR = 20;
    private static final int LANE_GAP = 20;   // px between marker centres in one lane, so markers never overlap

    /** Fill and ink of each state: the page's patterns in index.html use the same colours. */
    private static final Map<State, String> STATE_LABEL = Map.of(
            State.IN_FORCE, "In force: aid restricted (diagonal stripes)",
            State.SUSPENDED, "Suspended: waived, not restricted (dots)",
            State.EXEMPT, "Exempt: this aid category is not restricted (horizontal lines)",
            State.UNCERTAIN, "Uncertain: the record cannot tell (cross-hatch)",
            State.NOT_IN_FORCE, "Not in force: before enactment or after repeal (vertical lines)");
    private static final List<State> LEGEND_ORDER = List.of(State.IN_FORCE, State.SUSPENDED, State.EXEMPT,
            State.UNCERTAIN, State.NOT_IN_FORCE);

    private TimelineSvg() {
    }

    /** The SVG document, as UTF-8 text. */
    public static String render(Picture p) {
        long start = p.start().toEpochDay();
        long end = Math.max(start + 1, p.end().toEpochDay());
        Scale x = new Scale(start, end);
        StringBuilder svg = new StringBuilder(16_384);

        int titleY = 30, subtitleY = 52, bandY = 84, bandH = 46, gapY = 136, gapH = 8, axisY = 154;
        List<Placed> legal = lanes(p.events().stream().filter(e -> Boolean.TRUE.equals(e.legalEffect())).toList(), x);
        List<Placed> other = lanes(p.events().stream().filter(e -> !Boolean.TRUE.equals(e.legalEffect())).toList(), x);
        int legalHead = axisY + 42;
        int legalTop = legalHead + 16;
        int legalLanes = laneCount(legal);
        int otherHead = legalTop + legalLanes * 18 + 20;
        int otherTop = otherHead + 16;
        int otherLanes = laneCount(other);
        int plotBottom = otherTop + otherLanes * 18 + 4;
        int legendTop = plotBottom + 30;
        int legendRows = 5;
        int height = legendTop + legendRows * 24 + 16;

        String description = describe(p);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-labelledby=\"svg-title svg-desc\"")
                .append(" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif\">\n")
                .append("<title id=\"svg-title\">").append(escape(p.title() + " — timeline")).append("</title>\n")
                .append("<desc id=\"svg-desc\">").append(escape(description)).append("</desc>\n");
        patterns(svg);
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        text(svg, ML, titleY, 20, "700", "#111111", "start", fit(p.title(), 100));
        text(svg, ML, subtitleY, 13, "400", "#333333", "start", fit(p.subtitle(), 160));

        // state bands
        svg.append("<g class=\"bands\">\n");
        for (Interval iv : p.intervals()) {
            long d0 = iv.from() == null ? start : Math.max(start, iv.from().toEpochDay());
            long d1 = iv.to() == null ? end : Math.min(end, iv.to().toEpochDay());
            if (d1 <= d0) {
                continue;
            }
            double x0 = x.at(d0), x1 = x.at(d1);
            svg.append("<rect x=\"").append(n(x0)).append("\" y=\"").append(bandY).append("\" width=\"")
                    .append(n(Math.max(0.5, x1 - x0))).append("\" height=\"").append(bandH)
                    .append("\" fill=\"url(#pat-").append(iv.state().name()).append(")\" stroke=\"#ffffff\">")
                    .append("<title>").append(escape(stateName(iv.state()) + ": " + range(iv))).append("</title></rect>\n");
            String label = stateName(iv.state());
            if (x1 - x0 > label.length() * 7.6 + 14) {
                haloText(svg, (x0 + x1) / 2, bandY + bandH / 2.0 + 5, 13, "700", "middle", label);
            }
        }
        svg.append("</g>\n");
        text(svg, ML, bandY - 5, 12, "600", "#333333", "start", fit("Aid category: " + p.categoryLabel(), 120));

        // gaps in the record
        for (CoverageGap g : p.gaps()) {
            long d0 = Math.max(start, g.from().toEpochDay()), d1 = Math.min(end, g.to().toEpochDay());
            if (d1 <= d0) {
                continue;
            }
            svg.append("<rect x=\"").append(n(x.at(d0))).append("\" y=\"").append(gapY).append("\" width=\"")
                    .append(n(Math.max(2, x.at(d1) - x.at(d0)))).append("\" height=\"").append(gapH)
                    .append("\" fill=\"url(#pat-GAP)\" stroke=\"#333333\" stroke-width=\"0.75\"><title>")
                    .append(escape("Gap in the record, " + g.from() + " to " + g.to() + ": " + g.note()))
                    .append("</title></rect>\n");
        }

        axis(svg, x, axisY, bandY, plotBottom);

        // events, in lanes
        text(svg, ML, legalHead, 12, "600", "#444444", "start", "◆ Changed the law");
        text(svg, ML, otherHead, 12, "600", "#444444", "start", "○ No legal effect");
        for (Placed m : legal) {
            marker(svg, m, legalTop + m.lane * 18, x);
        }
        for (Placed m : other) {
            marker(svg, m, otherTop + m.lane * 18, x);
        }

        if (p.checkedThrough() != null) {
            long day = p.checkedThrough().toEpochDay() + 1;
            if (day >= start && day <= end) {
                double px = x.at(day);
                svg.append("<line x1=\"").append(n(px)).append("\" x2=\"").append(n(px)).append("\" y1=\"")
                        .append(bandY).append("\" y2=\"").append(plotBottom).append("\" stroke=\"#444444\" ")
                        .append("stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n");
                String label = "checked through " + longDate(p.checkedThrough());
                boolean right = px + label.length() * 6.4 / 2 > WIDTH - MR;
                haloText(svg, right ? px - 4 : px, plotBottom + 14, 11.5, "400", right ? "end" : "middle", label);
            }
        }
        legend(svg, legendTop);
        svg.append("</svg>\n");
        return svg.toString();
    }

    // ------------------------------------------------------------------------------------------------ parts --

    private static void patterns(StringBuilder svg) {
        svg.append("""
                <defs>
                <pattern id="pat-IN_FORCE" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#d9534f"/><rect width="3" height="8" fill="#7f1d1d"/></pattern>
                <pattern id="pat-SUSPENDED" width="10" height="10" patternUnits="userSpaceOnUse"><rect width="10" height="10" fill="#b7e1b9"/><circle cx="5" cy="5" r="2.2" fill="#1b5e20"/></pattern>
                <pattern id="pat-EXEMPT" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#b3d4f5"/><rect y="3" width="8" height="2" fill="#0d47a1"/></pattern>
                <pattern id="pat-UNCERTAIN" width="12" height="12" patternUnits="userSpaceOnUse"><rect width="12" height="12" fill="#ffe08a"/><path d="M0,0 L12,12 M12,0 L0,12" stroke="#7a5c00" stroke-width="1.4"/></pattern>
                <pattern id="pat-NOT_IN_FORCE" width="10" height="10" patternUnits="userSpaceOnUse"><rect width="10" height="10" fill="#ececec"/><rect x="4" width="1.5" height="10" fill="#9e9e9e"/></pattern>
                <pattern id="pat-GAP" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="6" height="6" fill="#ffffff"/><rect width="2" height="6" fill="#555555"/></pattern>
                </defs>
                """);
    }

    /** Year ticks, with a step that leaves room for every label. */
    private static void axis(StringBuilder svg, Scale x, int y, int gridTop, int gridBottom) {
        svg.append("<g>\n<line x1=\"").append(ML).append("\" x2=\"").append(WIDTH - MR).append("\" y1=\"").append(y)
                .append("\" y2=\"").append(y).append("\" stroke=\"#555555\"/>\n");
        double pxPerYear = x.pxPerDay() * 365.2425;
        int step = 1000;
        for (int s : new int[] {1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000}) {
            if (s * pxPerYear >= 44) {
                step = s;
                break;
            }
        }
        int first = LocalDate.ofEpochDay(x.start).getYear();
        int last = LocalDate.ofEpochDay(x.end).getYear();
        for (int year = first - Math.floorMod(first, step); year <= last + 1; year += step) {
            double px = x.at(LocalDate.of(year, 1, 1).toEpochDay());
            if (px < ML - 0.5 || px > WIDTH - MR + 0.5) {
                continue;
            }
            svg.append("<line x1=\"").append(n(px)).append("\" x2=\"").append(n(px)).append("\" y1=\"").append(gridTop)
                    .append("\" y2=\"").append(gridBottom).append("\" stroke=\"#000000\" stroke-opacity=\"0.12\"/>\n")
                    .append("<line x1=\"").append(n(px)).append("\" x2=\"").append(n(px)).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y + 7).append("\" stroke=\"#333333\"/>\n");
            if (px > 16 && px < WIDTH - 16) {
                text(svg, px, y + 22, 12, "700", "#111111", "middle", String.valueOf(year));
            }
        }
        svg.append("</g>\n");
    }

    private static void marker(StringBuilder svg, Placed m, int cy, Scale x) {
        Event e = m.event;
        boolean legal = Boolean.TRUE.equals(e.legalEffect());
        boolean weak = e.confidence() == Confidence.INFERRED || e.confidence() == Confidence.DISPUTED;
        svg.append("<g class=\"event\">");
        svg.append("<title>").append(escape(e.date() + ": " + e.title() + (legal ? " (changed the law)" : "")))
                .append("</title>");
        double x0 = x.at(e.date().earliest().toEpochDay()), x1 = x.at(e.date().latest().toEpochDay() + 1);
        if (x1 - x0 >= 6) {
            svg.append("<path d=\"M").append(n(x0)).append(',').append(cy - 4).append(" v8 M").append(n(x0)).append(',')
                    .append(cy).append(" H").append(n(x1)).append(" M").append(n(x1)).append(',').append(cy - 4)
                    .append(" v8\" stroke=\"").append(legal ? "#222222" : "#444444")
                    .append("\" stroke-width=\"1.5\" fill=\"none\"/>");
        }
        String dash = weak ? " stroke-dasharray=\"2.5 1.5\"" : "";
        if (legal) {
            svg.append("<path d=\"M").append(n(m.cx)).append(',').append(cy - 7.5).append(" l7.5,7.5 l-7.5,7.5 l-7.5,-7.5 Z\"")
                    .append(" fill=\"").append(effectColour(e.effect())).append("\" stroke=\"#111111\" stroke-width=\"1.3\"")
                    .append(dash).append("/>");
        } else {
            svg.append("<circle cx=\"").append(n(m.cx)).append("\" cy=\"").append(cy).append("\" r=\"5.5\" fill=\"#ffffff\"")
                    .append(" stroke=\"#333333\" stroke-width=\"2\"").append(dash).append("/>");
        }
        svg.append("</g>\n");
    }

    private static void legend(StringBuilder svg, int top) {
        text(svg, ML, top - 8, 14, "700", "#111111", "start", "Legend");
        int colW = (WIDTH - ML - MR) / 2;
        for (int i = 0; i < LEGEND_ORDER.size(); i++) {
            State s = LEGEND_ORDER.get(i);
            int y = top + i * 24;
            svg.append("<rect x=\"").append(ML).append("\" y=\"").append(y).append("\" width=\"32\" height=\"18\" fill=\"url(#pat-")
                    .append(s.name()).append(")\" stroke=\"#333333\"/>\n");
            text(svg, ML + 42, y + 14, 13, "400", "#111111", "start", STATE_LABEL.get(s));
        }
        int x = ML + colW;
        String[][] marks = {
                {"diamond", "#b71c1c", "Diamond: event that changed the law (red: restriction applies)"},
                {"diamond", "#2e7d32", "Green diamond: waiver; blue: exemption; dashed outline: inferred or disputed"},
                {"circle", "#ffffff", "Circle: event without legal effect (bill, statement, report, lawsuit)"},
                {"gap", "", "Hatched strip: a gap in the record (dates or instruments not found)"},
                {"line", "", "Dashed line: the record is checked up to here; whisker: date known only roughly"}};
        for (int i = 0; i < marks.length; i++) {
            int y = top + i * 24;
            int cx = x + 16, cy = y + 9;
            switch (marks[i][0]) {
                case "diamond" -> svg.append("<path d=\"M").append(cx).append(',').append(cy - 7).append(" l7,7 l-7,7 l-7,-7 Z\" fill=\"")
                        .append(marks[i][1]).append("\" stroke=\"#111111\" stroke-width=\"1.2\"/>\n");
                case "circle" -> svg.append("<circle cx=\"").append(cx).append("\" cy=\"").append(cy)
                        .append("\" r=\"5.5\" fill=\"#ffffff\" stroke=\"#333333\" stroke-width=\"2\"/>\n");
                case "gap" -> svg.append("<rect x=\"").append(x).append("\" y=\"").append(cy - 4)
                        .append("\" width=\"32\" height=\"8\" fill=\"url(#pat-GAP)\" stroke=\"#333333\"/>\n");
                default -> svg.append("<line x1=\"").append(x + 16).append("\" x2=\"").append(x + 16).append("\" y1=\"").append(y)
                        .append("\" y2=\"").append(y + 18).append("\" stroke=\"#444444\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/>\n");
            }
            text(svg, x + 42, y + 14, 13, "400", "#111111", "start", marks[i][2]);
        }
    }

    // --------------------------------------------------------------------------------------------- helpers --

    /** A day-to-pixel scale over {@code [start, end)}. */
    private record Scale(long start, long end) {
        double pxPerDay() {
            return (WIDTH - ML - MR) / (double) (end - start);
        }

        double at(long day) {
            return ML + (day - start) * pxPerDay();
        }
    }

    private record Placed(Event event, double cx, int lane) {
    }

    /**
     * First-fit lanes in date order: a marker goes to the first lane whose last marker is at least
     * {@link #LANE_GAP} px away. For points on a line this uses as few lanes as any placement can.
     */
    private static List<Placed> lanes(List<Event> events, Scale x) {
        List<Placed> out = new ArrayList<>();
        List<Double> laneEnds = new ArrayList<>();
        events.stream().sorted(java.util.Comparator.comparing(Event::date).thenComparing(Event::id)).forEach(e -> {
            double cx = (x.at(e.date().earliest().toEpochDay()) + x.at(e.date().latest().toEpochDay() + 1)) / 2;
            cx = Math.max(ML, Math.min(WIDTH - MR, cx));
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.get(lane) > cx - LANE_GAP) {
                lane++;
            }
            if (lane == laneEnds.size()) {
                laneEnds.add(cx);
            } else {
                laneEnds.set(lane, cx);
            }
            out.add(new Placed(e, cx, lane));
        });
        return out;
    }

    private static int laneCount(List<Placed> placed) {
        return Math.max(1, placed.stream().mapToInt(Placed::lane).max().orElse(0) + 1);
    }

    private static String describe(Picture p) {
        StringBuilder d = new StringBuilder();
        d.append("Aid category: ").append(p.categoryLabel()).append(". ").append(p.subtitle()).append(". From ").append(longDate(p.start())).append(" to ")
                .append(longDate(p.end().minusDays(1))).append(": ");
        List<String> runs = new ArrayList<>();
        for (Interval iv : p.intervals()) {
            runs.add(stateName(iv.state()) + " " + range(iv));
        }
        d.append(String.join("; ", runs)).append(". ").append(p.events().size())
                .append(p.events().size() == 1 ? " event" : " events").append(" shown as markers, ")
                .append(p.events().stream().filter(e -> Boolean.TRUE.equals(e.legalEffect())).count())
                .append(" of which changed the law.");
        return d.toString();
    }

    private static String range(Interval iv) {
        if (iv.from() == null && iv.to() == null) {
            return "throughout the record";
        }
        if (iv.from() == null) {
            return "until " + iv.to();
        }
        return iv.to() == null ? "from " + iv.from() + ", open-ended" : "from " + iv.from() + " until " + iv.to();
    }

    static String stateName(State s) {
        return switch (s) {
            case IN_FORCE -> "In force";
            case SUSPENDED -> "Suspended";
            case EXEMPT -> "Exempt";
            case UNCERTAIN -> "Uncertain";
            case NOT_IN_FORCE -> "Not in force";
        };
    }

    private static String effectColour(Effect effect) {
        return switch (effect == null ? Effect.NONE : effect) {
            case IMPOSE, REINSTATE -> "#b71c1c";
            case SUSPEND -> "#2e7d32";
            case EXEMPT -> "#1565c0";
            case TERMINATE -> "#424242";
            case NONE -> "#6d4c41";
        };
    }

    static String longDate(LocalDate d) {
        return d.getDayOfMonth() + " " + d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d.getYear();
    }

    private static void text(StringBuilder svg, double x, double y, double size, String weight, String fill,
                             String anchor, String text) {
        svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append("\" font-weight=\"").append(weight).append("\" fill=\"").append(fill)
                .append("\" text-anchor=\"").append(anchor).append("\">").append(escape(text)).append("</text>\n");
    }

    /** Text with a white halo, readable over the patterns. */
    private static void haloText(StringBuilder svg, double x, double y, double size, String weight, String anchor,
                                 String text) {
        svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append("\" font-weight=\"").append(weight).append("\" fill=\"#111111\" stroke=\"#ffffff\" ")
                .append("stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\" text-anchor=\"")
                .append(anchor).append("\">").append(escape(text)).append("</text>\n");
    }

    /** Long record text is cut with an ellipsis in the drawing; the full text stays in the title and description. */
    private static String fit(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static String n(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * Escapes XML's five special characters and drops what XML 1.0 cannot hold at all (control characters,
     * unpaired surrogates, U+FFFE/U+FFFF): record text is untrusted, and the picture must stay a well-formed document.
     */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if ((c >= 0x20 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE) || c == '\t' || c == '\n'
                            || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
