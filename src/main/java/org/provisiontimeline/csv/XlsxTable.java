package org.provisiontimeline.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes an export's rows as an XLSX workbook with Apache POI's streaming SXSSF writer (only a window of rows is
 * in memory): a bold, frozen header row with an autofilter; real date cells for full days (partial dates stay
 * text, their {@code _earliest}/{@code _latest} bounds are dates, so the sheet sorts); booleans and counts as such;
 * URLs as links; widths from the content. Text cells are never evaluated, so no formula neutralising is needed.
 */
final class XlsxTable {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int MAX_WIDTH = 60;

    private XlsxTable() {
    }

    static <T> void write(CsvTable<T> table, List<T> rows, String sheetName, OutputStream out) throws IOException {
        List<Column<T>> columns = table.columns();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            SXSSFSheet sheet = wb.createSheet(sheetName);
            Styles styles = new Styles(wb);
            int[] widths = new int[columns.size()];
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(columns.get(c).name());
                cell.setCellStyle(styles.header);
                widths[c] = columns.get(c).name().length() + 3;   // room for the filter button
            }
            int r = 1;
            for (T row : rows) {
                Row xlRow = sheet.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    String value = columns.get(c).cell().apply(row);
                    if (value != null && !value.isEmpty()) {
                        widths[c] = Math.max(widths[c], Math.min(MAX_WIDTH, value.length() + 1));
                        put(xlRow.createCell(c), columns.get(c), value, styles, wb);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns.size() - 1));
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.min(MAX_WIDTH, widths[c]) * 256);
            }
            wb.write(out);
            out.flush();
        }
    }

    private static void put(Cell cell, Column<?> column, String value, Styles styles, SXSSFWorkbook wb) {
        Object type = column.datatype();
        if (Column.DATE.equals(type) || (Column.PARTIAL_DATE.equals(type) && DAY.matcher(value).matches())) {
            cell.setCellValue(LocalDate.parse(value));
            cell.setCellStyle(styles.date);
        } else if (Column.BOOLEAN.equals(type)) {
            cell.setCellValue(Boolean.parseBoolean(value));
        } else if (Column.INTEGER.equals(type)) {
            cell.setCellValue(Long.parseLong(value));
        } else if (Column.URL.equals(type)) {
            cell.setCellValue(value);
            String target = firstWebUrl(value, column.separator());
            if (target != null) {
                Hyperlink link = wb.getCreationHelper().createHyperlink(HyperlinkType.URL);
                link.setAddress(target);
                cell.setHyperlink(link);
                cell.setCellStyle(styles.link);
            }
        } else {
            cell.setCellValue(value);
        }
    }

    /** The first http(s) URL of the cell; anything else (javascript:, file:, junk) stays plain text. */
    private static String firstWebUrl(String value, String separator) {
        for (String part : separator == null ? new String[] {value} : value.split(Pattern.quote(separator))) {
            String candidate = part.strip();
            try {
                URI uri = new URI(candidate);
                if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                        && uri.getHost() != null) {
                    return uri.toASCIIString();
                }
            } catch (java.net.URISyntaxException notAUrl) {
                // try the next one
            }
        }
        return null;
    }

    /** The few cell styles of a sheet (a workbook holds at most 64,000, so they are made once). */
    private static final class Styles {
        final CellStyle header;
        final CellStyle date;
        final CellStyle link;

        Styles(SXSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Font blue = wb.createFont();
            blue.setUnderline(Font.U_SINGLE);
            blue.setColor(IndexedColors.BLUE.getIndex());
            link = wb.createCellStyle();
            link.setFont(blue);
        }
    }
}
