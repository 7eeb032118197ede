package vn.ocop.payments.vnpay;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import vn.ocop.platform.time.VietnamTime;

/** VNPay's timestamps: {@code yyyyMMddHHmmss} in Vietnam's time (Asia/Ho_Chi_Minh, GMT+7). */
public final class VnPayDates {

    public static final ZoneId ZONE = VietnamTime.ZONE;
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private VnPayDates() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.atZone(ZONE));
    }

    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() != 14) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text, FORMAT).atZone(ZONE).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
