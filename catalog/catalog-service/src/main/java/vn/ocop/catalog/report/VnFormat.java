package vn.ocop.catalog.report;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import vn.ocop.platform.time.VietnamTime;

/**
 * Numbers, money, percentages and dates as Vietnamese readers write them: 1.234.567 ₫, 40,5 %, 23/11/2026, times in
 * Asia/Ho_Chi_Minh. The dashboard's template calls it as {@code fmt}; the charts through {@link #VN}.
 */
public final class VnFormat {

    public static final VnFormat VN = new VnFormat();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(VietnamTime.ZONE);

    private VnFormat() {
    }

    private static DecimalFormat decimal(String pattern) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat(pattern, symbols);
    }

    public String count(long n) {
        return decimal("#,##0").format(n);
    }

    public String dong(long vnd) {
        return count(vnd) + " ₫";
    }

    /** One decimal, or a dash where there is nothing to divide by. */
    public String percent(@Nullable BigDecimal percent) {
        return percent == null ? "–" : decimal("#,##0.0").format(percent) + " %";
    }

    public String date(@Nullable LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    public String time(Instant instant) {
        return TIME.format(instant);
    }
}
