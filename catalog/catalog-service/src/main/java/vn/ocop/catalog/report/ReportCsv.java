package vn.ocop.catalog.report;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.ocop.catalog.report.ReportViews.Key;

/**
 * Reports as CSV files for a spreadsheet: RFC 4180, UTF-8 with a byte-order mark (so that Excel reads Vietnamese
 * correctly), a header row; text a spreadsheet would take for a formula is written after a {@code '}.
 */
final class ReportCsv {

    private static final String BOM = "\uFEFF";

    private ReportCsv() {
    }

    static MutableHttpResponse<byte[]> response(String fileName, List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        out.write(BOM);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                List<Object> cells = new ArrayList<>(row.size());
                for (Object cell : row) {
                    cells.add(cell instanceof String text ? inert(text) : cell);
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(out.toString().getBytes(StandardCharsets.UTF_8))
                .contentType(new MediaType("text/csv", Map.of("charset", "utf-8")))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
    }

    static List<Object> key(Key key) {
        return List.of(key.code(), key.name());
    }

    static Object orEmpty(Object value) {
        return value == null ? "" : value;
    }

    private static String inert(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
