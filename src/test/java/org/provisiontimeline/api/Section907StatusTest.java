package org.provisiontimeline.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The research file's §2.3 query dates, asked through HTTP of the real dataset. */
@QuarkusTest
class Section907StatusTest {

    private static final String STATUS = "/api/provisions/us-fsa-907/status";

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
        DATE       | STATE        | RESTRICTED | GOVERNING
        # row 6: the FSA was signed 1992-10-24
        1992-06-01 | NOT_IN_FORCE | false      | 1992-10-24-enactment
        1992-10-24 | IN_FORCE     | true       | 1992-10-24-enactment
        # no waiver authority before P.L. 107-115 (2002-01-10)
        1999-01-01 | IN_FORCE     | true       | 1992-10-24-enactment
        # P.L. 107-115 in force, but the first waiver came on 2002-01-25
        2002-01-15 | IN_FORCE     | true       | 1992-10-24-enactment
        2002-06-01 | SUSPENDED    | false      | 1992-10-24-enactment 2002-01-25-pd-2002-06
        2003-06-01 | SUSPENDED    | false      | 1992-10-24-enactment 2003-01-17-pd-2003-12
        # annual practice, dates unknown: either year's extension may govern
        2010-06-01 | SUSPENDED    | false      | 1992-10-24-enactment 2009-annual-waiver-extension 2010-annual-waiver-extension
        2022-09-01 | SUSPENDED    | false      | 1992-10-24-enactment 2022-06-21-mckeon-waiver
        # no 2023 waiver: the 2022 waiver lapsed between 2023-06-21 and 2023-10-01
        2023-11-15 | IN_FORCE     | true       | 1992-10-24-enactment 2022-06-21-mckeon-waiver 2023-06-21-waiver-lapse
        2024-06-01 | IN_FORCE     | true       | 1992-10-24-enactment 2022-06-21-mckeon-waiver 2023-06-21-waiver-lapse
        2025-08-07 | IN_FORCE     | true       | 1992-10-24-enactment 2022-06-21-mckeon-waiver 2023-06-21-waiver-lapse
        2025-08-08 | SUSPENDED    | false      | 1992-10-24-enactment 2025-08-08-trump-memorandum
        2025-12-31 | SUSPENDED    | false      | 1992-10-24-enactment 2025-08-08-trump-memorandum
        """)
    void researchQueryDates(String date, String state, boolean restricted, String governing) {
        given().queryParam("date", date)
                .when().get(STATUS)
                .then().statusCode(200)
                .contentType("application/json")
                .body("provisionId", is("us-fsa-907"),
                        "date", is(date),
                        "category", is("general"),
                        "state", is(state),
                        "restricted", is(restricted),
                        "governingEvents.id", contains(Arrays.stream(governing.split(" ")).toArray()),
                        "explanation", not(""),
                        "sources.size()", not(0),
                        "sources.title", everyItem(notNullValue()),
                        "checkedThrough", is("2026-02-14"),
                        "datasetVersion", notNullValue());
    }

    @Test
    void restrictedIn2024BecauseThe2022WaiverLapsedWithoutRenewal() {
        given().queryParam("date", "2024-06-01")
                .when().get(STATUS)
                .then().statusCode(200)
                .body("since", is("2023-06-21/2023-10-01"),
                        "until", is("2025-08-08"),
                        "confidence", is("INFERRED"),
                        "explanation", containsString("2022-06-21"),
                        "explanation", containsString("2025-08-08"),
                        "candidates", equalTo(java.util.List.of()),
                        "asOf", nullValue());
    }

    @Test
    void theEndOfThe2022WaiverIsAWindowOfUncertainDays() {
        given().queryParam("date", "2023-08-01")
                .when().get(STATUS)
                .then().statusCode(200)
                .body("state", is("UNCERTAIN"),
                        "restricted", nullValue(),
                        "candidates", contains("IN_FORCE", "SUSPENDED"),
                        "governingEvents.id", hasItem("2023-06-21-waiver-lapse"));
    }

    @Test
    void afterCheckedThroughAnInferredLapseIsUncertainWithAWarning() {
        given().queryParam("date", "2026-09-01")
                .when().get(STATUS)
                .then().statusCode(200)
                .body("state", is("UNCERTAIN"),
                        "candidates", contains("IN_FORCE", "SUSPENDED"),
                        "warnings", hasItem(containsString("checked through 2026-02-14")));
    }

    @Test
    void exemptCategoriesAnswerExemptWhileTheGeneralRestrictionIsInForce() {
        given().queryParam("date", "2024-06-01").queryParam("category", "humanitarian")
                .when().get(STATUS)
                .then().statusCode(200).body("state", is("EXEMPT"), "restricted", is(false));
        given().queryParam("date", "1993-01-01").queryParam("category", "fsa-title-v")
                .when().get(STATUS)
                .then().statusCode(200).body("state", is("EXEMPT"));
    }

    @Test
    void aDateInACoverageGapCarriesAWarning() {
        given().queryParam("date", "2010-06-01")
                .when().get(STATUS)
                .then().statusCode(200)
                .body("warnings.size()", is(1), "confidence", is("SECONDARY"));
    }

    @Test
    void withoutADateTheAnswerIsForToday() {
        given().when().get(STATUS)
                .then().statusCode(200)
                .body("date", is(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()));
    }
}
