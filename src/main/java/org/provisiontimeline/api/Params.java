package org.provisiontimeline.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.provisiontimeline.provision.CatalogEntry;
import org.provisiontimeline.status.Category;
import org.provisiontimeline.status.PartialDate;
import org.provisiontimeline.status.Provision;

/**
 * Parses query parameters strictly. Parameters are taken as strings on purpose: a {@code LocalDate} query parameter
 * that fails to parse is an empty 404 under the Jakarta REST spec, and we owe the user a 400 that names the parameter
 * and the accepted forms.
 */
public final class Params {

    static final String DAY_FORM = "a calendar date YYYY-MM-DD, e.g. 2024-06-01";

    private Params() {
    }

    /** A full calendar date, or {@code fallback} when absent. */
    public static LocalDate day(String name, String value, LocalDate fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            PartialDate d = PartialDate.parse(value);
            if (!d.isDay() || d.approximate()) {
                throw ApiException.badParameter(name, value, DAY_FORM + " (a status is asked of one exact day)");
            }
            return d.earliest();
        } catch (DateTimeException e) {
            throw ApiException.badParameter(name, value, DAY_FORM + "; " + e.getMessage());
        }
    }

    /** A date or partial date used as a bound; a partial date stands for all its days. */
    public static PartialDate bound(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return PartialDate.parse(value);
        } catch (DateTimeException e) {
            throw ApiException.badParameter(name, value, PartialDate.ACCEPTED_FORMS + "; " + e.getMessage());
        }
    }

    /** The inclusive range {@code from … to} of query bounds; {@code from} after {@code to} is refused. */
    public static void checkOrder(String fromValue, PartialDate from, PartialDate to) {
        if (from != null && to != null && from.earliest().isAfter(to.latest())) {
            throw ApiException.badParameter("from", fromValue, "a date on or before to (" + to + ")");
        }
    }

    /** As {@link #category(Provision, String)}, without binding the entry's model when its categories are known. */
    public static String category(CatalogEntry entry, String value) {
        String id = value == null ? Category.GENERAL : value;
        return entry.declares(id) ? id : category(entry.provision(), value);
    }

    public static String category(Provision p, String value) {
        String id = value == null ? Category.GENERAL : value;
        if (p.category(id).isEmpty()) {
            throw ApiException.badParameter("category", value, "one of this provision's categories "
                    + p.categories().stream().map(Category::id).toList());
        }
        return id;
    }

    /** A record instant ({@code asOf}): an RFC 3339 timestamp, or a date meaning the end of that day (UTC). */
    public static Instant asOf(String value) {
        return value == null ? null : instant("asOf", value, true);
    }

    /**
     * An RFC 3339 timestamp, or a date standing for the start (or, with {@code endOfDay}, the last instant) of that
     * day in UTC.
     */
    static Instant instant(String name, String value, boolean endOfDay) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException notATimestamp) {
            try {
                LocalDate day = LocalDate.parse(value);
                return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException notADate) {   // unparseable, or past the end of time
                throw ApiException.badParameter(name, value, "an RFC 3339 instant such as 2026-01-01T00:00:00Z, or a date "
                        + "YYYY-MM-DD (" + (endOfDay ? "its end" : "its start") + ", UTC)");
            }
        }
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(name, value, "one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.badParameter(name, value, "true or false");
        };
    }

    static int limit(String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        // ASCII digits only: Integer.parseInt also reads Arabic-Indic and full-width digits (limit=٥, limit=１).
        if (value.length() <= 9 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        }
        throw ApiException.badParameter("limit", value, "a whole number from 1 to " + max);
    }
}
