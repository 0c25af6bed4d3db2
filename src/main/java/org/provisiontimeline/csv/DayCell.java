package org.provisiontimeline.csv;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Reads the date cell of a batch row: one calendar day YYYY-MM-DD, surrounding spaces tolerated. */
final class DayCell {

    private DayCell() {
    }

    /**
     * @throws DateTimeException with a message for the row's {@code error} cell
     */
    static LocalDate parse(String cell) {
        if (cell == null || cell.isBlank()) {
            throw new DateTimeException("the date cell is empty");
        }
        String t = cell.strip();
        if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-' || !digits(t, 0, 4) || !digits(t, 5, 7)
                || !digits(t, 8, 10)) {
            throw new DateTimeException("'" + cell + "' is not a date: expected YYYY-MM-DD");
        }
        try {
            return LocalDate.of(Integer.parseInt(t, 0, 4, 10), Integer.parseInt(t, 5, 7, 10),
                    Integer.parseInt(t, 8, 10, 10));
        } catch (DateTimeException e) {
            throw new DateTimeException("'" + cell + "' is not a real calendar date");
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
