package org.provisiontimeline.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PartialDateTest {

    @ParameterizedTest(name = "[{index}] {arguments}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
        TEXT,                     EARLIEST,   LATEST,     PRECISION, APPROXIMATE
        2019,                     2019-01-01, 2019-12-31, YEAR,      false
        2020-03,                  2020-03-01, 2020-03-31, MONTH,     false
        # February of a leap year ends on the 29th
        2024-02,                  2024-02-01, 2024-02-29, MONTH,     false
        2020-03-17,               2020-03-17, 2020-03-17, DAY,       false
        2023-06-21~,              2023-06-21, 2023-06-21, DAY,       true
        2023-06-21/2023-10-01,    2023-06-21, 2023-10-01, RANGE,     false
        1995-01-01/1998-12-31~,   1995-01-01, 1998-12-31, RANGE,     true
        """)
    void parsesEveryFormWithItsBounds(String text, LocalDate earliest, LocalDate latest, Precision precision,
                                      boolean approximate) {
        PartialDate d = PartialDate.parse(text);
        assertEquals(earliest, d.earliest());
        assertEquals(latest, d.latest());
        assertEquals(precision, d.precision());
        assertEquals(approximate, d.approximate());
        assertEquals(text, d.toString(), "written back exactly as given");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024-02-30", "2023-02-29", "2024-13-01", "2024-00", "24-01-01", "2024/01/01",
            "2024-1-1", "2024-01-01T00:00", "2024-01-01Z", "2024-05-01/2024-04-01", "2024-05-01/2024-05-01",
            "2024-05/2024-06-01", "~", "2024~~", "yesterday", " 2024"})
    void rejectsMalformedOrImpossibleDatesQuotingThem(String text) {
        DateTimeException e = assertThrows(DateTimeException.class, () -> PartialDate.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void rejectsNullWithTheAcceptedForms() {
        DateTimeException e = assertThrows(DateTimeException.class, () -> PartialDate.parse(null));
        assertTrue(e.getMessage().contains("YYYY-MM-DD"));
    }

    @ParameterizedTest(name = "[{index}] {0} + {1} = {2}")
    @CsvSource(textBlock = """
        2022-06-21,            P12M, 2023-06-21~
        2005,                  P12M, 2006~
        2005,                  P1Y,  2006~
        2020-03,               P12M, 2021-03~
        2020-03,               P6M,  2020-09~
        2005,                  P6M,  2005-07-01/2006-06-30~
        2021-04-23/2021-04-26, P12M, 2022-04-23/2022-04-26~
        2024-02-29,            P12M, 2025-02-28~
        """)
    void plusKeepsPrecisionAndMarksApproximation(String start, String period, String expected) {
        assertEquals(expected, PartialDate.parse(start).plus(Period.parse(period)).toString());
    }

    @Test
    void mayBeIsInclusiveOnBothEndsOfTheWindow() {
        PartialDate d = PartialDate.parse("2020-03");
        assertFalse(d.mayBe(LocalDate.of(2020, 2, 29)));
        assertTrue(d.mayBe(LocalDate.of(2020, 3, 1)));
        assertTrue(d.mayBe(LocalDate.of(2020, 3, 31)));
        assertFalse(d.mayBe(LocalDate.of(2020, 4, 1)));
    }
}
