package org.provisiontimeline.csv;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.provisiontimeline.status.PartialDate;

/** The XLSX exports, opened with the library that wrote them: typed cells a spreadsheet sorts and filters. */
@QuarkusTest
class XlsxExportTest {

    private static final String EVENTS = "/api/provisions/us-fsa-907/events";
    private static final String TIMELINE = "/api/provisions/us-fsa-907/timeline";

    private static XSSFSheet open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes)).getSheetAt(0);
    }

    private static List<String> header(XSSFSheet sheet) {
        List<String> names = new ArrayList<>();
        sheet.getRow(0).forEach(c -> names.add(c.getStringCellValue()));
        return names;
    }

    @Test
    void eventsWorkbookHasTypedCellsLinksAFrozenHeaderAndAFilter() throws IOException {
        byte[] bytes = given().when().get(EVENTS + ".xlsx").then().statusCode(200)
                .contentType(XlsxTable.MEDIA_TYPE)
                .header("Content-Disposition", startsWith("attachment; filename=\"us-fsa-907_events_"))
                .header("Content-Disposition", endsWith(".xlsx\"")).extract().asByteArray();
        XSSFSheet sheet = open(bytes);
        List<String> header = header(sheet);
        List<String> csvHeader = Exports.EVENTS.header();
        assertEquals(csvHeader, header, "the CSV's columns, in order");
        assertNotNull(sheet.getPaneInformation(), "frozen header");
        assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
        assertTrue(sheet.getCTWorksheet().isSetAutoFilter(), "autofilter");
        assertTrue(sheet.getColumnWidth(header.indexOf("title")) > sheet.getColumnWidth(header.indexOf("date")));

        List<Map<String, Object>> json = given().when().get(EVENTS).then().extract().jsonPath().getList("$");
        assertEquals(json.size(), sheet.getLastRowNum());
        int partial = 0;
        int links = 0;
        for (int i = 0; i < json.size(); i++) {
            Row row = sheet.getRow(i + 1);
            Map<String, Object> e = json.get(i);
            assertEquals(e.get("id"), row.getCell(header.indexOf("event_id")).getStringCellValue());
            PartialDate d = PartialDate.parse((String) e.get("date"));
            Cell date = row.getCell(header.indexOf("date"));
            if (d.isDay() && !d.approximate()) {
                assertEquals(CellType.NUMERIC, date.getCellType(), d.text());
                assertTrue(DateUtil.isCellDateFormatted(date), "a real date cell: " + d.text());
                assertEquals(d.earliest(), date.getLocalDateTimeCellValue().toLocalDate());
            } else {
                partial++;
                assertEquals(CellType.STRING, date.getCellType(), "a partial date stays text: " + d.text());
                assertEquals(d.text(), date.getStringCellValue());
            }
            assertDate(d.earliest(), row.getCell(header.indexOf("date_earliest")));
            assertDate(d.latest(), row.getCell(header.indexOf("date_latest")));
            Cell legal = row.getCell(header.indexOf("legal_effect"));
            if (e.get("legalEffect") != null) {
                assertEquals(CellType.BOOLEAN, legal.getCellType());
                assertEquals(e.get("legalEffect"), legal.getBooleanCellValue());
            }
            Cell sources = row.getCell(header.indexOf("source_urls"));
            if (sources != null && sources.getStringCellValue().startsWith("http")) {
                assertNotNull(sources.getHyperlink(), "sources are links: row " + (i + 1));
                assertTrue(sources.getStringCellValue().startsWith(sources.getHyperlink().getAddress()));
                links++;
            }
        }
        assertTrue(partial > 0 && links > 0, "partial dates and links were both checked");
    }

    private static void assertDate(LocalDate expected, Cell cell) {
        assertEquals(CellType.NUMERIC, cell.getCellType());
        assertTrue(DateUtil.isCellDateFormatted(cell));
        assertEquals(expected, cell.getLocalDateTimeCellValue().toLocalDate());
    }

    @Test
    void timelineWorkbookByAcceptHeaderWithDateBounds() throws IOException {
        byte[] bytes = given().accept(XlsxTable.MEDIA_TYPE).queryParam("category", "general").when().get(TIMELINE)
                .then().statusCode(200).contentType(XlsxTable.MEDIA_TYPE).extract().asByteArray();
        XSSFSheet sheet = open(bytes);
        List<String> header = header(sheet);
        assertEquals(Exports.TIMELINE.header(), header);
        List<Map<String, Object>> json = given().when().get(TIMELINE).then().extract().jsonPath()
                .getList("intervals");
        assertEquals(json.size(), sheet.getLastRowNum());
        Row first = sheet.getRow(1);
        assertNull(first.getCell(header.indexOf("from")), "unbounded past is blank");
        assertDate(LocalDate.parse((String) json.get(0).get("to")), first.getCell(header.indexOf("to")));
        Row last = sheet.getRow(sheet.getLastRowNum());
        assertDate(LocalDate.parse((String) json.get(json.size() - 1).get("from")), last.getCell(header.indexOf("from")));
    }

    @Test
    void theJsonAndCsvAnswersStayWhatTheyWere() {
        given().when().get(EVENTS).then().statusCode(200).contentType("application/json");
        given().accept("text/csv").when().get(EVENTS).then().statusCode(200).contentType(startsWith("text/csv"));
        given().when().get("/api/provisions/nope/events.xlsx").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
