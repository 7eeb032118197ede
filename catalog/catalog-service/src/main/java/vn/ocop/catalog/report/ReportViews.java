package vn.ocop.catalog.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the reports answer, as JSON (and, flattened, as CSV by {@link ReportCsv}). */
public final class ReportViews {

    /** The province's target: every certified OCOP product sold online. */
    public static final int TARGET_PERCENT = 100;

    private ReportViews() {
    }

    /** {@code part} of {@code whole} in percent, one decimal; null when there is no whole. */
    static @Nullable BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** A place, star rating, group, seller type, method or month and its name. */
    @Serdeable
    public record Key(String code, String name) {
    }

    @Serdeable
    public record CoverageRow(Key key, long certified, long online, long notOnline, @Nullable BigDecimal percent) {
        static CoverageRow of(Key key, long certified, long online) {
            return new CoverageRow(key, certified, online, certified - online, ReportViews.percent(online, certified));
        }
    }

    /**
     * OCOP coverage: certified products (certificate valid today) with at least one published, in-stock listing of an
     * approved product by a verified seller, against the target.
     */
    @Serdeable
    public record Coverage(@Nullable String province, LocalDate asOf, int targetPercent, long certified, long online,
                           long notOnline, @Nullable BigDecimal percent, String by, List<CoverageRow> rows) {
    }

    @Serdeable
    public record CoverageDay(LocalDate day, long certified, long online, @Nullable BigDecimal percent) {
    }

    @Serdeable
    public record CoverageHistory(@Nullable String province, LocalDate from, LocalDate to, int targetPercent,
                                  List<CoverageDay> days) {
    }

    /** Why a certified product is not online, for whoever goes to help. */
    public enum GapReason {
        NOT_LINKED("Chưa có sản phẩm trên sàn"),
        CLAIM_PENDING("Chờ duyệt liên kết chứng nhận"),
        SELLER_NOT_VERIFIED("Người bán chưa được xác minh"),
        NOT_PUBLISHED("Chưa đăng bán"),
        OUT_OF_STOCK("Hết hàng");

        private final String label;

        GapReason(String label) {
            this.label = label;
        }

        /** What to tell whoever goes to help, in Vietnamese. */
        public String label() {
            return label;
        }
    }

    /** A certified product not online: who makes it, where, and what is missing. */
    @Serdeable
    public record Gap(String certificateNumber, String productName, String producer, @Nullable String producerCode,
                      int stars, String ocopGroup, @Nullable Key commune, @Nullable Key legacyDistrict, LocalDate expiresOn,
                      GapReason reason, @Nullable UUID productId, @Nullable UUID sellerId, @Nullable String sellerName,
                      @Nullable String sellerPhone) {
    }

    @Serdeable
    public record Gaps(@Nullable String province, long total, List<Gap> items, @Nullable String nextCursor) {
    }

    /** A certificate about to expire, or expired (or revoked) while its products are still listed. */
    @Serdeable
    public record CertificateDue(String certificateNumber, String productName, String producer, int stars, String ocopGroup,
                                 @Nullable Key commune, LocalDate expiresOn, long daysLeft, String status,
                                 long listedProducts) {
    }

    @Serdeable
    public record CertificatesDue(@Nullable String province, LocalDate asOf, int withinDays, List<CertificateDue> expiring,
                                  List<CertificateDue> expiredStillListed) {
    }

    @Serdeable
    public record SalesRow(Key key, long orders, long units, long goodsVnd) {
    }

    /**
     * Net sales (paid orders, and cash-on-delivery orders once confirmed, less those cancelled) in whole dong of goods,
     * shipping excluded. Grouped by product, stars or group, {@code orders} counts each order once per product.
     */
    @Serdeable
    public record Sales(@Nullable String province, String from, String to, String by, SalesRow total,
                        List<SalesRow> rows) {
    }

    @Serdeable
    public record MethodShare(String method, boolean cashless, long orders, long valueVnd,
                              @Nullable BigDecimal percentOfOrders, @Nullable BigDecimal percentOfValue, long refundedVnd) {
    }

    /** How sold orders were paid, by count and by value (what the buyer paid, shipping included). */
    @Serdeable
    public record PaymentMix(@Nullable String province, String from, String to, long orders, long valueVnd,
                             long cashlessOrders, long cashlessValueVnd, @Nullable BigDecimal cashlessPercentOfOrders,
                             @Nullable BigDecimal cashlessPercentOfValue, List<MethodShare> methods) {
    }

    @Serdeable
    public record SellerCount(String sellerType, String status, long sellers, long sellingOnline) {
    }

    @Serdeable
    public record Sellers(@Nullable String province, long sellers, long verified, long sellingOnline,
                          List<SellerCount> rows) {
    }

    /** What a helper did for sellers in the period. */
    @Serdeable
    public record HelperRow(UUID helperId, @Nullable String helperName, long sellersHelped, long profilesCompleted,
                            long listingsCreated, long listingsPublished, long actions) {
    }

    @Serdeable
    public record Helpers(@Nullable String province, String from, String to, List<HelperRow> rows) {
    }

    /** Traceability of what was sold and of the lots registered in the period. */
    @Serdeable
    public record Traceability(@Nullable String province, String from, String to, long soldUnits, long shippedUnits,
                               long tracedUnits, @Nullable BigDecimal tracedPercentOfShipped, long lots, long labelledLots,
                               @Nullable BigDecimal labelledPercent, long recalledLots, long flaggedScans,
                               Map<String, Long> flaggedScansByKind) {
    }
}
