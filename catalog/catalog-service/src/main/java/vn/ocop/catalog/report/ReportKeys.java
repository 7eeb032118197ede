package vn.ocop.catalog.report;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.YearMonth;
import java.util.Map;
import vn.ocop.catalog.locality.AdminUnits;
import vn.ocop.catalog.locality.Commune;
import vn.ocop.catalog.locality.Province;
import vn.ocop.catalog.registry.OcopGroup;
import vn.ocop.catalog.report.ReportViews.Key;

/** Names, in Vietnamese, of what reports group by. */
@Singleton
class ReportKeys {

    static final String UNKNOWN = "Chưa rõ";
    private static final Map<String, String> SELLER_TYPES = Map.of(
            "HOUSEHOLD_BUSINESS", "Hộ kinh doanh", "COOPERATIVE", "Hợp tác xã", "COOPERATIVE_GROUP", "Tổ hợp tác",
            "ENTERPRISE", "Doanh nghiệp");
    private static final Map<String, String> METHODS = Map.of(
            "VNPAY", "VNPay", "VIETQR", "Chuyển khoản VietQR", "CARD", "Thẻ quốc tế", "COD", "Tiền mặt khi nhận hàng");

    private static final Map<String, String> SELLER_STATUSES = Map.of(
            "PENDING", "Chờ xác minh", "VERIFIED", "Đã xác minh", "REJECTED", "Bị từ chối", "SUSPENDED", "Tạm ngưng");
    private static final Map<String, String> SCAN_FLAGS = Map.of(
            "SERIAL_OVERSCANNED", "Một mã bị quét quá nhiều lần", "FAR_APART", "Quét ở hai nơi cách xa nhau",
            "NEVER_ISSUED", "Mã chưa từng được in");

    private final AdminUnits units;

    ReportKeys(AdminUnits units) {
        this.units = units;
    }

    /** A payment method's name (VNPAY: "VNPay", COD: "Tiền mặt khi nhận hàng"). */
    static String methodName(String code) {
        return METHODS.getOrDefault(code, code);
    }

    /** The key of a grouping dimension ({@code by}) for a code read from the database. */
    Key key(String by, @Nullable String code) {
        if (code == null || code.isEmpty()) {
            return new Key("", UNKNOWN);
        }
        String name = switch (by) {
            case "province" -> units.province(code).map(Province::name).orElse(code);
            case "commune" -> units.commune(code).map(Commune::name).orElse(code);
            case "legacyDistrict" -> units.legacyDistrict(code).map(d -> d.name() + ", " + d.provinceName()).orElse(code);
            case "stars" -> code + " sao";
            case "group" -> OcopGroup.valueOf(code).label();
            case "sellerType" -> SELLER_TYPES.getOrDefault(code, code);
            case "method" -> methodName(code);
            case "sellerStatus" -> SELLER_STATUSES.getOrDefault(code, code);
            case "scanFlag" -> SCAN_FLAGS.getOrDefault(code, code);
            case "month" -> {
                YearMonth month = YearMonth.parse(code.substring(0, 7));
                yield "Tháng " + month.getMonthValue() + "/" + month.getYear();
            }
            default -> code;
        };
        return new Key(code, name);
    }

    @Nullable Key commune(@Nullable String code) {
        return code == null ? null : key("commune", code);
    }

    @Nullable Key legacyDistrict(@Nullable String code) {
        return code == null ? null : key("legacyDistrict", code);
    }
}
