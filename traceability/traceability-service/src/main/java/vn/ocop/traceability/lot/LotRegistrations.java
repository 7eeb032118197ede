package vn.ocop.traceability.lot;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
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
import vn.ocop.traceability.product.Product;
import vn.ocop.traceability.product.ProductRepository;

/** Registers a seller's lot of one of their products and announces it with {@link LotRegistered}. */
@Singleton
class LotRegistrations {

    static final ZoneId VIETNAM = VietnamTime.ZONE;

    private final LotRepository lots;
    private final ProductRepository products;
    private final Outbox outbox;
    private final Clock clock;

    LotRegistrations(LotRepository lots, ProductRepository products, Outbox outbox, Clock clock) {
        this.lots = lots;
        this.products = products;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    TracedLot register(UUID sellerId, RegisterLot request) {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        if (request.harvestDate() != null && request.harvestDate().isAfter(today)) {
            throw ProblemException.invalidField("harvestDate", "must not be in the future");
        }
        Product product = products.findById(request.productId()).orElseThrow(() -> ProblemException.unprocessable(
                "product_unknown", "Product {0} is not known here (yet): it may not have been published", request.productId()));
        if (!product.isSoldBy(sellerId)) {
            throw ProblemException.forbidden("product_not_yours", "Product {0} is another seller''s", product.productId());
        }
        String code = request.code() == null ? LotCodes.unused(today, lots::existsByCode) : unusedCode(request.code());
        Lot lot = new Lot(Ids.newId(), code, product.productId(), sellerId, request.quantity().setScale(3, RoundingMode.UNNECESSARY),
                request.unit(), request.harvestDate(), clock.instant());
        insert(lot);
        outbox.publish(LotRegistered.TYPE, LotRegistered.VERSION, lot.id().toString(), lot.registered());
        return new TracedLot(lot, product);
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
                if (cause instanceof SQLIntegrityConstraintViolationException) {
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
