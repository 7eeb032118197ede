package vn.ocop.traceability.resolver;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.ocop.traceability.lot.Lot;
import vn.ocop.traceability.lot.LotStatus;
import vn.ocop.traceability.product.Product;

/**
 * What anyone scanning a lot's (or a unit's) label learns about it, as JSON.
 *
 * @param product     the product, its seller and its OCOP certificate
 * @param lot         the lot
 * @param unit        the serialised unit scanned, when the label was a unit's
 * @param growingArea where the lot grew
 * @param origins     for a lot made from others (rice milled from paddy): those lots and where they grew
 * @param timeline    its EPCIS events, oldest first, repeated steps summed up
 * @param record      whether its EPCIS record (hash chain) is intact
 * @param recall      its recall, if recalled
 * @param links       where to go next
 */
@Serdeable
record ResolvedLot(ProductPart product, LotPart lot, @Nullable UnitPart unit, @Nullable AreaPart growingArea,
                   List<OriginPart> origins, List<StepPart> timeline, RecordPart record, @Nullable RecallPart recall,
                   Links links) {

    @Serdeable
    record ProductPart(UUID id, String name, @Nullable String gtin, Seller seller, @Nullable Ocop ocop) {
    }

    @Serdeable
    record Seller(UUID id, String name) {
    }

    /**
     * The product's OCOP certificate.
     *
     * @param certificate its number
     * @param stars       its stars
     * @param validUntil  its last valid day
     * @param valid       whether it is valid today (Vietnam's date): not revoked, not expired
     */
    @Serdeable
    record Ocop(String certificate, @Nullable Integer stars, @Nullable LocalDate validUntil, boolean valid) {
    }

    @Serdeable
    record LotPart(String code, BigDecimal quantity, String unit, @Nullable LocalDate harvestDate, Instant registeredAt,
                   LotStatus status) {
    }

    @Serdeable
    record UnitPart(String serial) {
    }

    @Serdeable
    record AreaPart(String code, String crop, BigDecimal areaHa, String communeCode, @Nullable String communeName,
                    String provinceCode, boolean verified) {

        static @Nullable AreaPart of(@Nullable LotView.Area area) {
            return area == null ? null : new AreaPart(area.code(), area.crop(), area.areaHa(), area.communeCode(),
                    area.communeName(), area.provinceCode(), area.verified());
        }
    }

    @Serdeable
    record OriginPart(String lotCode, @Nullable LocalDate harvestDate, String process, @Nullable AreaPart growingArea) {
    }

    @Serdeable
    record StepPart(String kind, @Nullable String bizStep, String lotCode, Instant from, Instant to, int count,
                    @Nullable String detail) {
    }

    /**
     * @param intact   whether every link of the lot's hash chain agrees with its events as stored
     * @param length   how many events the chain has
     * @param brokenAt the first link that does not agree, when not intact
     * @param checkedAt when the chain was last verified
     */
    @Serdeable
    record RecordPart(boolean intact, int length, @Nullable Integer brokenAt, Instant checkedAt) {
    }

    @Serdeable
    record RecallPart(String reason, Instant recalledAt, @Nullable String causeLotCode) {
    }

    /**
     * @param self         the URI scanned, in canonical form (the one the label's QR code carries)
     * @param qr           the PNG of the lot's QR code
     * @param linkset      this code's GS1 link set
     * @param traceability the lot's EPCIS 2.0 document (for its seller, officers and admins)
     */
    @Serdeable
    record Links(String self, String qr, String linkset, String traceability) {
    }

    static ResolvedLot of(LotView view, @Nullable String serial, LocalDate today, ResolverLinks links) {
        Lot lot = view.lot();
        Product product = view.product();
        Ocop ocop = product.ocopCertificate() == null ? null
                : new Ocop(product.ocopCertificate(), product.ocopStars(), product.ocopValidUntil(), product.ocopValidOn(today));
        LotView.ChainVerdict verdict = view.record();
        LotView.Recall recall = view.recall();
        String self = links.self(view, serial);
        return new ResolvedLot(
                new ProductPart(product.productId(), product.name(), product.gtin(),
                        new Seller(product.sellerId(), product.sellerName()), ocop),
                new LotPart(lot.code(), lot.quantity(), lot.unit(), lot.harvestDate(), lot.createdAt(), lot.status()),
                serial == null ? null : new UnitPart(serial),
                AreaPart.of(view.area()),
                view.origins().stream().map(o -> new OriginPart(o.lotCode(), o.harvestDate(), o.process(),
                        AreaPart.of(o.area()))).toList(),
                view.timeline().stream().map(s -> new StepPart(s.kind(), s.bizStep(), s.lotCode(), s.from(), s.to(),
                        s.count(), s.detail())).toList(),
                new RecordPart(verdict.intact(), verdict.length(), verdict.brokenAt(), verdict.verifiedAt()),
                recall == null ? null : new RecallPart(recall.reason(), recall.recalledAt(), recall.causeLotCode()),
                new Links(self, links.qr(view), links.linkset(self), links.traceability(view)));
    }
}
