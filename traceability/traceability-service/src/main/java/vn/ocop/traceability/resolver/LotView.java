package vn.ocop.traceability.resolver;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.ocop.traceability.lot.Lot;
import vn.ocop.traceability.lot.LotStatus;
import vn.ocop.traceability.product.Product;

/**
 * Everything the resolver shows about one lot, read once and kept in {@link LotViews}: the lot, its product (with the
 * OCOP certificate, judged on the day of each scan), its growing area, the lots it was made from, its timeline from its
 * EPCIS chain, the verdict of the chain's verification, and its recall, if any.
 *
 * @param lot      the lot as read
 * @param product  its product copy
 * @param scope    whose it is (seller, province), for the scan log's signals
 * @param area     its growing area, if it came from one
 * @param origins  for a lot made by a transformation: the lots that went into it (and theirs, a few levels up)
 * @param timeline its EPCIS events and its origins', oldest first, repeated steps (shipping...) summed up
 * @param record   whether its hash chain is intact
 * @param recall   its recall, if it was recalled
 * @param loadedAt when this view was read
 */
public record LotView(Lot lot, Product product, LotScope scope, @Nullable Area area, List<Origin> origins,
                      List<Step> timeline, ChainVerdict record, @Nullable Recall recall, Instant loadedAt) {

    public UUID lotId() {
        return lot.id();
    }

    public String lotCode() {
        return lot.code();
    }

    public boolean recalled() {
        return recall != null || lot.status() == LotStatus.RECALLED;
    }

    /**
     * A growing area as the page shows it.
     *
     * @param code         the growing-area code ("mã số vùng trồng")
     * @param crop         what grows there
     * @param areaHa       its area in hectares (the boundary's geodesic area)
     * @param communeCode  the commune
     * @param communeName  its official name, when the commune list has it
     * @param provinceCode its province
     * @param verified     whether an officer of the province verified it
     * @param boundary     its boundary drawn as SVG
     */
    public record Area(String code, String crop, BigDecimal areaHa, String communeCode, @Nullable String communeName,
                       String provinceCode, boolean verified, @Nullable BoundarySvg boundary) {
    }

    /**
     * A lot that went into this one.
     *
     * @param lotCode     its code
     * @param harvestDate when it was harvested
     * @param process     the transformation that used it, e.g. "Xay xát"
     * @param area        where it grew
     */
    public record Origin(String lotCode, @Nullable LocalDate harvestDate, String process, @Nullable Area area) {
    }

    /**
     * A step of the timeline: one event, or several of the same kind on one lot (e.g. 40 shipments) summed up.
     *
     * @param kind    HARVEST, TRANSFORMATION, PACKING, SHIPPING, RECEIVING, RETAIL_SELLING, RECALL, or OTHER
     * @param bizStep the CBV business step as recorded
     * @param lotCode the lot the event belongs to (this lot or one of its origins)
     * @param from    when (the first of them)
     * @param to      the last of them
     * @param count   how many events
     * @param detail  the process of a transformation, the growing area of a harvest
     */
    public record Step(String kind, @Nullable String bizStep, String lotCode, Instant from, Instant to, int count,
                       @Nullable String detail) {
    }

    /**
     * What verifying the lot's hash chain found.
     *
     * @param intact     whether every link agrees with the events as stored
     * @param length     how many links the chain has
     * @param brokenAt   the first link that does not agree
     * @param reason     why (HASH_MISMATCH, MISSING_LINK, HEAD_MISMATCH)
     * @param verifiedAt when it was verified
     */
    public record ChainVerdict(boolean intact, int length, @Nullable Integer brokenAt, @Nullable String reason,
                               Instant verifiedAt) {
    }

    /**
     * The lot's recall.
     *
     * @param reason      why
     * @param recalledAt  when
     * @param causeLotCode when the lot was recalled because a lot it was made from was: that lot
     */
    public record Recall(String reason, Instant recalledAt, @Nullable String causeLotCode) {
    }
}
