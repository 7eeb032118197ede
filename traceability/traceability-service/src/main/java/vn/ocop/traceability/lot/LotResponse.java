package vn.ocop.traceability.lot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A lot as its seller (and officers) see it.
 *
 * @param remainingQuantity how much is neither packed nor transformed yet
 * @param growingAreaId     the growing area it was harvested from, if any
 * @param status            ACTIVE, DEPLETED (all of it transformed) or RECALLED
 * @param links             {@code self}: this resource; {@code qr}: the PNG of its QR code; {@code resolver}: the public
 *                          URI the QR code carries
 */
@Serdeable
record LotResponse(UUID id, String code, UUID productId, UUID sellerId, BigDecimal quantity, String unit,
                   @Nullable LocalDate harvestDate, Instant registeredAt, BigDecimal remainingQuantity,
                   @Nullable UUID growingAreaId, LotStatus status, Links links) {

    @Serdeable
    record Links(String self, String qr, String resolver) {
    }

    static LotResponse of(TracedLot traced, PublicLinks links) {
        Lot lot = traced.lot();
        return new LotResponse(lot.id(), lot.code(), lot.productId(), lot.sellerId(), lot.quantity(), lot.unit(),
                lot.harvestDate(), lot.createdAt(), lot.remainingQuantity(), lot.growingAreaId(), lot.status(),
                new Links(links.api(lot), links.qr(lot), links.resolver(lot, traced.product())));
    }
}
