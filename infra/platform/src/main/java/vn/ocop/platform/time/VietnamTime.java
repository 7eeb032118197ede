package vn.ocop.platform.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Viet Nam's time zone (GMT+7, no daylight saving): the calendar that certificates, harvests and reports use. */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }

    /** Today's date in Viet Nam. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
