package vn.ocop.catalog.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.ocop.catalog.locality.AdminUnits;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.text.SearchKeys;

/**
 * Reads the trade office's list of OCOP certificates: UTF-8 (with or without BOM), comma-separated, a header row
 * whose column names may be English or Vietnamese ("so_chung_nhan", "Số sao", ...), in any order. A file that is not
 * UTF-8 or lacks a required column is refused whole; otherwise every row is checked on its own and comes back either
 * as a certificate or with its errors.
 */
final class RegistryCsv {

    static final int MAX_ROWS = 20_000;
    static final int VALIDITY_MONTHS = 36;

    /** The columns, with the header names accepted for each (compared without accents, case or punctuation). */
    enum Column {
        NUMBER(true, "certificate_number", "so_chung_nhan", "so_giay_chung_nhan"),
        PRODUCT_NAME(true, "product_name", "ten_san_pham"),
        SUBJECT_NAME(true, "subject_name", "chu_the", "ten_chu_the"),
        SUBJECT_CODE(false, "subject_code", "ma_chu_the", "ma_so_thue"),
        STARS(true, "stars", "so_sao", "hang_sao"),
        GROUP(true, "group", "nhom", "nhom_san_pham"),
        ISSUING_LEVEL(true, "issuing_level", "cap_cong_nhan"),
        ISSUE_DATE(true, "issue_date", "ngay_cong_nhan", "ngay_cap"),
        EXPIRY_DATE(false, "expiry_date", "ngay_het_han"),
        PROVINCE_CODE(true, "province_code", "ma_tinh"),
        COMMUNE_CODE(false, "commune_code", "ma_xa"),
        LEGACY_DISTRICT_CODE(false, "legacy_district_code", "ma_huyen_cu"),
        STATUS(false, "status", "trang_thai");

        final boolean required;
        final List<String> names;

        Column(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }

        String canonical() {
            return names.getFirst();
        }
    }

    /** One data row: its number in the file (the header is row 1), and the certificate it gives or why not. */
    record Row(long row, @Nullable String number, @Nullable Certificate certificate, List<Problem.FieldError> errors) {
    }

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT));

    private final AdminUnits units;

    RegistryCsv(AdminUnits units) {
        this.units = units;
    }

    List<Row> read(byte[] file) {
        String text = utf8(file);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw ProblemException.badRequest("csv_empty", "The file is empty");
            }
            Map<Column, Integer> columns = columns(records.next());
            List<Row> rows = new ArrayList<>();
            Map<String, Long> seen = new HashMap<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (rows.size() == MAX_ROWS) {
                    throw ProblemException.badRequest("csv_too_long", "The file has more than {0} rows; split it", MAX_ROWS);
                }
                if (record.stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.add(row(record, columns, seen));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw ProblemException.badRequest("csv_malformed", "The file is not well-formed CSV: {0}", e.getMessage());
        }
    }

    private static String utf8(byte[] file) {
        boolean utf16 = file.length >= 2 && ((file[0] & 0xFF) == 0xFE && (file[1] & 0xFF) == 0xFF
                || (file[0] & 0xFF) == 0xFF && (file[1] & 0xFF) == 0xFE);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file)).toString();
            if (utf16 || text.indexOf('\0') >= 0) {
                throw new CharacterCodingException();
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("csv_not_utf8",
                    "The file is not UTF-8; save it from the spreadsheet as \"CSV UTF-8\" and import again");
        }
    }

    private static Map<Column, Integer> columns(CSVRecord header) {
        Map<String, Column> byName = new HashMap<>();
        for (Column column : Column.values()) {
            column.names.forEach(name -> byName.put(name, column));
        }
        Map<Column, Integer> found = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            Column column = byName.get(SearchKeys.fold(header.get(i)).replace(' ', '_'));
            if (column != null) {
                found.putIfAbsent(column, i);
            }
        }
        List<Problem.FieldError> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            if (column.required && !found.containsKey(column)) {
                missing.add(new Problem.FieldError(column.canonical(), "column is missing (also accepted: "
                        + String.join(", ", column.names.subList(1, column.names.size())) + ")"));
            }
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "csv_missing_columns", missing,
                    "The header row lacks required columns");
        }
        return found;
    }

    private Row row(CSVRecord record, Map<Column, Integer> columns, Map<String, Long> seen) {
        long rowNumber = record.getRecordNumber();
        Function<Column, String> cell = column -> {
            Integer index = columns.get(column);
            return index == null || index >= record.size() ? "" : record.get(index).strip();
        };
        List<Problem.FieldError> errors = new ArrayList<>();
        String number = cell.apply(Column.NUMBER);
        if (number.isEmpty()) {
            errors.add(error(Column.NUMBER, "is required"));
        } else if (number.length() > 64) {
            errors.add(error(Column.NUMBER, "is longer than 64 characters"));
        } else if (seen.putIfAbsent(number, rowNumber) != null) {
            errors.add(error(Column.NUMBER, "appears twice in this file (first in row " + seen.get(number) + ")"));
        }
        String productName = text(cell.apply(Column.PRODUCT_NAME), Column.PRODUCT_NAME, 300, errors);
        String subjectName = text(cell.apply(Column.SUBJECT_NAME), Column.SUBJECT_NAME, 300, errors);
        String subjectCode = cell.apply(Column.SUBJECT_CODE);
        if (!subjectCode.isEmpty() && !subjectCode.matches("[0-9A-Z-]{8,20}")) {
            errors.add(error(Column.SUBJECT_CODE, "must be a tax code or business registration number"));
        }
        Integer stars = stars(cell.apply(Column.STARS), errors);
        OcopGroup group = OcopGroup.parse(cell.apply(Column.GROUP)).orElse(null);
        if (group == null) {
            errors.add(error(Column.GROUP, "must be one of the six OCOP groups: " + Arrays.stream(OcopGroup.values())
                    .map(OcopGroup::label).collect(Collectors.joining("; "))));
        }
        IssuingLevel level = IssuingLevel.parse(cell.apply(Column.ISSUING_LEVEL)).orElse(null);
        if (level == null) {
            errors.add(error(Column.ISSUING_LEVEL, "must be PROVINCE (cấp tỉnh) or CENTRAL (trung ương)"));
        } else if (stars != null && stars == 5 && level != IssuingLevel.CENTRAL) {
            errors.add(error(Column.ISSUING_LEVEL, "5 stars are certified at the central level"));
        }
        LocalDate issued = date(cell.apply(Column.ISSUE_DATE), Column.ISSUE_DATE, true, errors);
        LocalDate expires = date(cell.apply(Column.EXPIRY_DATE), Column.EXPIRY_DATE, false, errors);
        if (expires == null && issued != null) {
            expires = issued.plusMonths(VALIDITY_MONTHS);
        } else if (expires != null && issued != null && !expires.isAfter(issued)) {
            errors.add(error(Column.EXPIRY_DATE, "must be after the issue date"));
        }
        String province = cell.apply(Column.PROVINCE_CODE);
        String commune = blankToNull(cell.apply(Column.COMMUNE_CODE));
        String legacyDistrict = blankToNull(cell.apply(Column.LEGACY_DISTRICT_CODE));
        place(province, commune, legacyDistrict, errors);
        CertificateStatus status = CertificateStatus.parse(cell.apply(Column.STATUS)).orElse(null);
        if (status == null) {
            errors.add(error(Column.STATUS, "must be VALID (hiệu lực) or REVOKED (thu hồi)"));
        }
        if (!errors.isEmpty()) {
            return new Row(rowNumber, number.isEmpty() ? null : number, null, List.copyOf(errors));
        }
        return new Row(rowNumber, number, new Certificate(null, number, productName, subjectName, blankToNull(subjectCode),
                stars, group, level, issued, expires, province, commune, legacyDistrict, status, null, null, 0), List.of());
    }

    private void place(String province, @Nullable String commune, @Nullable String legacyDistrict,
                       List<Problem.FieldError> errors) {
        if (units.province(province).isEmpty()) {
            errors.add(error(Column.PROVINCE_CODE, "is not a province code in force since 1 July 2025"));
            return;
        }
        if (commune != null) {
            try {
                units.requireCommune("", province, commune);
            } catch (ProblemException e) {
                errors.add(error(Column.COMMUNE_CODE, e.errors().getFirst().message()));
            }
        }
        if (legacyDistrict != null) {
            try {
                units.requireLegacyDistrict("", legacyDistrict, province);
            } catch (ProblemException e) {
                errors.add(error(Column.LEGACY_DISTRICT_CODE, e.errors().getFirst().message()));
            }
        }
    }

    private static String text(String value, Column column, int max, List<Problem.FieldError> errors) {
        if (value.isEmpty()) {
            errors.add(error(column, "is required"));
        } else if (value.length() > max) {
            errors.add(error(column, "is longer than " + max + " characters"));
        }
        return value;
    }

    @Nullable
    private static Integer stars(String value, List<Problem.FieldError> errors) {
        try {
            int stars = Integer.parseInt(value.replace("★", "").replace("sao", "").strip());
            if (stars >= 1 && stars <= 5) {
                return stars;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(error(Column.STARS, "must be a whole number from 1 to 5"));
        return null;
    }

    @Nullable
    private static LocalDate date(String value, Column column, boolean required, List<Problem.FieldError> errors) {
        if (value.isEmpty()) {
            if (required) {
                errors.add(error(column, "is required"));
            }
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        errors.add(error(column, "must be a date like 2024-03-15 or 15/03/2024"));
        return null;
    }

    private static Problem.FieldError error(Column column, String message) {
        return new Problem.FieldError(column.canonical(), message);
    }

    @Nullable
    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** The canonical header row, for the template officers download. */
    static String templateHeader() {
        return Arrays.stream(Column.values()).map(Column::canonical).collect(Collectors.joining(","));
    }
}
