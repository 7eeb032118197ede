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
 * @param links {@code self}: this resource; {@code qr}: the PNG of its QR code; {@code resolver}: the public URI the
 *              QR code carries
 */
@Serdeable
record LotResponse(UUID id, String code, UUID productId, UUID sellerId, BigDecimal quantity, String unit,
                   @Nullable LocalDate harvestDate, Instant registeredAt, Links links) {

    @Serdeable
    record Links(String self, String qr, String resolver) {
    }

    static LotResponse of(TracedLot traced, PublicLinks links) {
        Lot lot = traced.lot();
        return new LotResponse(lot.id(), lot.code(), lot.productId(), lot.sellerId(), lot.quantity(), lot.unit(),
                lot.harvestDate(), lot.createdAt(),
                new Links(links.api(lot), links.qr(lot), links.resolver(lot, traced.product())));
    }
}
