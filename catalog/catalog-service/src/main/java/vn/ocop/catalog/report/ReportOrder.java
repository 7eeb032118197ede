package vn.ocop.catalog.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A sold seller order as the reports keep it (see V9__office_reports.sql). */
@MappedEntity("report_orders")
record ReportOrder(@Id UUID orderId, UUID checkoutId, UUID sellerId, String provinceCode, String communeCode,
                   @Nullable String legacyDistrictCode, String sellerType, String paymentMethod, LocalDate month, int units,
                   long goodsVnd, long totalVnd, Instant soldAt, @Nullable Instant shippedAt, @Nullable Instant cancelledAt) {
}
