package vn.ocop.catalog.report;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.YearMonth;
import vn.ocop.catalog.Sql;

/**
 * What a report is about, checked ({@link ReportFilters}): a province (null: the whole country, admins only), and
 * optionally a commune, a legacy district, stars, OCOP group and seller type, and a period of months.
 */
public record ReportFilter(@Nullable String province, @Nullable String commune, @Nullable String legacyDistrict,
                          @Nullable Integer stars, @Nullable String group, @Nullable String sellerType,
                          YearMonth from, YearMonth to) {

    /** The first day of the first month, for the {@code month} columns. */
    LocalDate fromDay() {
        return from.atDay(1);
    }

    LocalDate toDay() {
        return to.atDay(1);
    }

    /**
     * The conditions on a table with {@code province_code}, {@code commune_code}, {@code legacy_district_code},
     * {@code seller_type} (when {@code sellerTypeColumn}), {@code stars} and {@code ocop_group} (when
     * {@code productColumns}) and {@code month} (when {@code monthColumn}), prefixed by {@code alias}.
     */
    Sql.Conditions where(String alias, boolean sellerTypeColumn, boolean productColumns, boolean monthColumn) {
        Sql.Conditions conditions = new Sql.Conditions();
        conditions.and(province != null, alias + "province_code = ?", province);
        conditions.and(commune != null, alias + "commune_code = ?", commune);
        conditions.and(legacyDistrict != null, alias + "legacy_district_code = ?", legacyDistrict);
        if (sellerTypeColumn) {
            conditions.and(sellerType != null, alias + "seller_type = ?", sellerType);
        }
        if (productColumns) {
            conditions.and(stars != null, alias + "stars = ?", stars);
            conditions.and(group != null, alias + "ocop_group = ?", group);
        }
        if (monthColumn) {
            conditions.and(true, alias + "month BETWEEN ? AND ?", fromDay(), toDay());
        }
        return conditions;
    }
}
