package vn.ocop.catalog.report;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import vn.ocop.catalog.locality.AdminUnits;
import vn.ocop.catalog.locality.Commune;
import vn.ocop.catalog.registry.OcopGroup;
import vn.ocop.catalog.seller.SellerType;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.time.VietnamTime;

/**
 * Reads a report's query parameters into a {@link ReportFilter}, refusing what would mislead or leak: an unknown or
 * foreign commune or legacy district, an unknown group, stars or seller type, a period ending before it starts or longer
 * than ten years, and an officer asking about another province (officers see their own province, admins any or all).
 */
@Singleton
class ReportFilters {

    static final int MAX_MONTHS = 120;

    private final AdminUnits units;
    private final Clock clock;

    ReportFilters(AdminUnits units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    /** The parameters as a request gives them, all optional. */
    record Params(@Nullable String province, @Nullable String commune, @Nullable String legacyDistrict,
                  @Nullable Integer stars, @Nullable String group, @Nullable String sellerType,
                  @Nullable String from, @Nullable String to) {
    }

    ReportFilter read(Caller caller, Params p) {
        String province = province(caller, blank(p.province()));
        String commune = blank(p.commune());
        if (commune != null) {
            Commune found = units.commune(commune).orElseThrow(() -> ProblemException.invalidField("commune",
                    "unknown commune code " + p.commune()));
            if (province != null && !found.provinceCode().equals(province)) {
                throw ProblemException.invalidField("commune", "commune " + commune + " is not in province " + province);
            }
        }
        String district = blank(p.legacyDistrict());
        if (district != null) {
            units.requireLegacyDistrict("legacyDistrict", district, province);
        }
        if (p.stars() != null && (p.stars() < 1 || p.stars() > 5)) {
            throw ProblemException.invalidField("stars", "between 1 and 5");
        }
        String group = upper(p.group());
        if (group != null && Arrays.stream(OcopGroup.values()).noneMatch(g -> g.name().equals(group))) {
            throw ProblemException.invalidField("group", "one of " + Arrays.toString(OcopGroup.values()));
        }
        String sellerType = upper(p.sellerType());
        if (sellerType != null && Arrays.stream(SellerType.values()).noneMatch(t -> t.name().equals(sellerType))) {
            throw ProblemException.invalidField("sellerType", "one of " + Arrays.toString(SellerType.values()));
        }
        Months period = period(p.from(), p.to(), MAX_MONTHS);
        return new ReportFilter(province, commune, district, p.stars(), group, sellerType, period.from(), period.to());
    }

    /** A period of whole months, from and to included. */
    record Months(YearMonth from, YearMonth to) {
    }

    /**
     * The months from {@code from} to {@code to} (yyyy-MM; by default the twelve months ending with the current one in
     * Vietnam), at most {@code max} of them.
     */
    Months period(@Nullable String fromText, @Nullable String toText, int max) {
        YearMonth now = YearMonth.from(VietnamTime.today(clock));
        YearMonth to = month("to", toText, now);
        YearMonth from = month("from", fromText, to.minusMonths(11));
        if (from.isAfter(to)) {
            throw ProblemException.invalidField("from", "must not be after to");
        }
        if (from.plusMonths(max).isBefore(to.plusMonths(1))) {
            throw ProblemException.invalidField("from", "a period of at most " + max + " months");
        }
        return new Months(from, to);
    }

    /** A province anybody may ask about: null for all, else one that exists. */
    @Nullable String anyProvince(@Nullable String asked) {
        String code = blank(asked);
        if (code != null && units.province(code).isEmpty()) {
            throw ProblemException.invalidField("province", "unknown province code " + code);
        }
        return code;
    }

    /** The province a caller may see: an officer only their own, an admin the one asked for or all (null). */
    String province(Caller caller, @Nullable String asked) {
        if (caller.has(Roles.ADMIN)) {
            return anyProvince(asked);
        }
        String own = caller.officerProvince().orElseThrow(() -> ProblemException.forbidden("reports_forbidden",
                "Only trade office officers and admins see the reports"));
        if (asked != null && !asked.equals(own)) {
            throw ProblemException.forbidden("outside_province_report", "Province {0} is outside your province", asked);
        }
        return own;
    }

    private static YearMonth month(String field, @Nullable String text, YearMonth otherwise) {
        if (blank(text) == null) {
            return otherwise;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "a month as yyyy-MM, e.g. 2026-11");
        }
    }

    private static String upper(@Nullable String text) {
        String value = blank(text);
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    static String blank(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
