package vn.ocop.traceability.lot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.time.VietnamTime;
import vn.ocop.traceability.api.LotRegistered;
import vn.ocop.traceability.area.GrowingArea;
import vn.ocop.traceability.area.GrowingAreaDirectory;
import vn.ocop.traceability.area.GrowingAreaStatus;
import vn.ocop.traceability.epcis.EpcisRecorder;
import vn.ocop.traceability.product.Product;
import vn.ocop.traceability.product.ProductRepository;

/**
 * Registers a seller's lot of one of their products, optionally from one of their growing areas, and announces it with
 * {@link LotRegistered}; transformations register their output lots the same way.
 */
@Singleton
class LotRegistrations {

    static final ZoneId VIETNAM = VietnamTime.ZONE;

    private final LotRepository lots;
    private final ProductRepository products;
    private final GrowingAreaDirectory areas;
    private final Outbox outbox;
    private final EpcisRecorder epcis;
    private final Clock clock;

    LotRegistrations(LotRepository lots, ProductRepository products, GrowingAreaDirectory areas, Outbox outbox,
                     EpcisRecorder epcis, Clock clock) {
        this.lots = lots;
        this.products = products;
        this.areas = areas;
        this.outbox = outbox;
        this.epcis = epcis;
        this.clock = clock;
    }

    /** Registers a harvested (or otherwise new) lot; its EPCIS record starts with its commissioning, in the same transaction. */
    @Transactional
    TracedLot register(UUID sellerId, RegisterLot request) {
        GrowingArea area = request.growingAreaId() == null ? null : requireAreaOf(sellerId, request.growingAreaId());
        TracedLot traced = create(sellerId, request.productId(), request.code(), request.quantity(), request.unit(),
                request.harvestDate(), request.growingAreaId(), "");
        epcis.harvested(traced.lot().id(), traced.lot().quantity(), clock.instant(), request.harvestDate(),
                area == null ? null : area.code());
        return traced;
    }

    /**
     * Creates a lot (inside the caller's transaction) and publishes {@link LotRegistered}; {@code field} prefixes the
     * names of the request fields in errors ({@code outputs[0].} for a transformation's outputs).
     */
    TracedLot create(UUID sellerId, UUID productId, @Nullable String requestedCode, BigDecimal quantity, String unit,
                     @Nullable LocalDate harvestDate, @Nullable UUID growingAreaId, String field) {
        LocalDate today = today();
        if (harvestDate != null && harvestDate.isAfter(today)) {
            throw ProblemException.invalidField(field + "harvestDate", "must not be in the future");
        }
        Product product = products.findById(productId).orElseThrow(() -> ProblemException.unprocessable(
                "product_unknown", "Product {0} is not known here (yet): it may not have been published", productId));
        if (!product.isSoldBy(sellerId)) {
            throw ProblemException.forbidden("product_not_yours", "Product {0} is another seller''s", product.productId());
        }
        String code = requestedCode == null ? LotCodes.unused(today, lots::existsByCode) : unusedCode(requestedCode);
        BigDecimal amount = quantity.setScale(3, RoundingMode.UNNECESSARY);
        Lot lot = new Lot(Ids.newId(), code, product.productId(), sellerId, growingAreaId, amount, amount, unit.strip(),
                harvestDate, LotStatus.ACTIVE, clock.instant());
        insert(lot);
        outbox.publish(LotRegistered.TYPE, LotRegistered.VERSION, lot.id().toString(), lot.registered());
        return new TracedLot(lot, product);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    /** The growing area must exist, be the seller's, and not have been rejected by an officer. */
    private GrowingArea requireAreaOf(UUID sellerId, UUID areaId) {
        GrowingArea area = areas.find(areaId).orElseThrow(() -> ProblemException.unprocessable("growing_area_unknown",
                "No growing area {0}", areaId));
        if (!area.isOwnedBy(sellerId)) {
            throw ProblemException.forbidden("growing_area_not_yours", "Growing area {0} is another seller''s", area.code());
        }
        if (area.status() == GrowingAreaStatus.REJECTED) {
            throw ProblemException.unprocessable("growing_area_rejected",
                    "Growing area {0} was rejected by the province; lots cannot come from it", area.code());
        }
        return area;
    }

    private String unusedCode(String code) {
        if (lots.existsByCode(code)) {
            throw codeTaken(code);
        }
        return code;
    }

    /** Inserts the lot; a concurrent registration of the same code, caught by the unique key, is the same conflict. */
    private void insert(Lot lot) {
        try {
            lots.save(lot);
        } catch (DataAccessException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLIntegrityConstraintViolationException
                        && String.valueOf(cause.getMessage()).contains("uk_lots_code")) {
                    throw codeTaken(lot.code());
                }
            }
            throw e;
        }
    }

    private static ProblemException codeTaken(String code) {
        return ProblemException.conflict("lot_code_taken", "Lot code {0} is already used", code);
    }
}
