package org.provisiontimeline.status;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A legal date as precise as its source: {@code 2019}, {@code 2020-03}, {@code 2020-03-17}, or a window of days
 * {@code 2023-06-21/2023-10-01} ("some day in this window"), each optionally marked approximate with a trailing
 * {@code ~}.
 * <p>
 * It is never widened or narrowed silently: {@link #toString()} gives back exactly the text it was parsed from.
 * {@link #earliest()} and {@link #latest()} are the first and last day it may denote, both inclusive; a
 * plain day has {@code earliest == latest}.
 */
public record PartialDate(String text, LocalDate earliest, LocalDate latest, Precision precision, boolean approximate)
        implements Comparable<PartialDate> {

    public static final String ACCEPTED_FORMS =
            "YYYY, YYYY-MM, YYYY-MM-DD or a day range YYYY-MM-DD/YYYY-MM-DD, optionally followed by ~ (approximate)";

    private static final Pattern FORM = Pattern.compile(
            "(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?(?:/(\\d{4}-\\d{2}-\\d{2}))?(~)?");

    public PartialDate {
        text = SharedText.of(Objects.requireNonNull(text, "text"));
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(precision, "precision");
        if (latest.isBefore(earliest)) {
            throw new DateTimeException("'" + text + "' ends before it starts");
        }
    }

    /**
     * Parses one of the {@link #ACCEPTED_FORMS}.
     *
     * @throws DateTimeException with a message quoting the text when it is malformed or names an impossible day
     *                           such as {@code 2024-02-30}
     */
    public static PartialDate parse(String text) {
        if (text == null) {
            throw new DateTimeException("a date is required (" + ACCEPTED_FORMS + ")");
        }
        PartialDate known = PARSED.get(text);
        if (known != null) {
            return known;
        }
        PartialDate parsed = parseText(text);
        if (PARSED.size() >= PARSED_MAX) {
            PARSED.clear();   // crude but bounded: the dates of a catalog repeat, so it refills with the common ones
        }
        PARSED.put(parsed.text(), parsed);
        return parsed;
    }

    // Parsed dates, shared: a catalog names the same few thousand dates again and again, and each parse would
    // otherwise keep its own copy (a record, its text and up to two LocalDates). Values are immutable.
    private static final int PARSED_MAX = 1 << 16;
    private static final Map<String, PartialDate> PARSED = new ConcurrentHashMap<>();

    private static PartialDate parseText(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new DateTimeException("'" + text + "' is not a date: expected " + ACCEPTED_FORMS);
        }
        boolean approximate = m.group(5) != null;
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(4) != null) {
                if (m.group(3) == null) {
                    throw new DateTimeException("'" + text + "' is not a date: a range must join two full days");
                }
                LocalDate from = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                LocalDate to = LocalDate.parse(m.group(4));
                if (!to.isAfter(from)) {
                    throw new DateTimeException("'" + text + "' is not a range: its end must be after its start");
                }
                return new PartialDate(text, from, to, Precision.RANGE, approximate);
            }
            if (m.group(2) == null) {
                Year y = Year.of(year);
                return new PartialDate(text, y.atDay(1), y.atMonth(12).atEndOfMonth(), Precision.YEAR, approximate);
            }
            int month = Integer.parseInt(m.group(2));
            if (m.group(3) == null) {
                YearMonth ym = YearMonth.of(year, month);
                return new PartialDate(text, ym.atDay(1), ym.atEndOfMonth(), Precision.MONTH, approximate);
            }
            LocalDate day = LocalDate.of(year, month, Integer.parseInt(m.group(3)));
            return new PartialDate(text, day, day, Precision.DAY, approximate);
        } catch (DateTimeException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("'")) {
                throw e;
            }
            throw new DateTimeException("'" + text + "' is not a real calendar date: " + e.getMessage());
        }
    }

    /** A plain, exact day. */
    public static PartialDate of(LocalDate day) {
        return new PartialDate(day.toString(), day, day, Precision.DAY, false);
    }

    /** A window of days, both ends inclusive; a one-day window is a plain day. */
    public static PartialDate window(LocalDate earliest, LocalDate latest, boolean approximate) {
        String suffix = approximate ? "~" : "";
        if (earliest.equals(latest)) {
            return new PartialDate(earliest + suffix, earliest, latest, Precision.DAY, approximate);
        }
        return new PartialDate(earliest + "/" + latest + suffix, earliest, latest, Precision.RANGE, approximate);
    }

    /**
     * This date moved forward by a period, marked approximate: used to derive when a suspension lapses.
     * A year stays a year and a month a month when the period is whole years or months, so "2005" plus
     * {@code P12M} is "2006~", not a 365-day window.
     */
    public PartialDate plus(Period period) {
        long months = period.toTotalMonths();
        if (period.getDays() == 0 && precision == Precision.YEAR && months % 12 == 0) {
            Year y = Year.from(earliest).plusYears(months / 12);
            return new PartialDate(y + "~", y.atDay(1), y.atMonth(12).atEndOfMonth(), Precision.YEAR, true);
        }
        if (period.getDays() == 0 && precision == Precision.MONTH) {
            YearMonth ym = YearMonth.from(earliest).plusMonths(months);
            return new PartialDate(ym + "~", ym.atDay(1), ym.atEndOfMonth(), Precision.MONTH, true);
        }
        return window(earliest.plus(period), latest.plus(period), true);
    }

    /** True when the date names one day, so nothing about the order of that day's changes is unknown. */
    public boolean isDay() {
        return earliest.equals(latest);
    }

    /** Whether {@code day} is one of the days this date may denote. */
    public boolean mayBe(LocalDate day) {
        return !day.isBefore(earliest) && !day.isAfter(latest);
    }

    /** Orders by earliest day, then latest day: the order in which events are applied. */
    @Override
    public int compareTo(PartialDate other) {
        int c = earliest.compareTo(other.earliest);
        return c != 0 ? c : latest.compareTo(other.latest);
    }

    @Override
    public String toString() {
        return text;
    }
}
