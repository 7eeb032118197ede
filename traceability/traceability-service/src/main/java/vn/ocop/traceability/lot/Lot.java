package vn.ocop.traceability.lot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.ocop.traceability.api.LotRegistered;

/**
 * A lot of a product registered by its seller: the unit that labels, events and scans refer to.
 *
 * @param id          the lot
 * @param code        its public code, printed on labels and used as the GS1 lot number (AI 10)
 * @param productId   the product
 * @param sellerId    the seller who registered it
 * @param quantity    how much, up to three decimals
 * @param unit        of what, e.g. "kg"
 * @param harvestDate when it was harvested, if known
 * @param createdAt   when it was registered
 */
@MappedEntity("lots")
public record Lot(@Id UUID id, String code, UUID productId, UUID sellerId, BigDecimal quantity, String unit,
                  @Nullable LocalDate harvestDate, Instant createdAt) {

    public boolean isOwnedBy(UUID accountId) {
        return sellerId.equals(accountId);
    }

    LotRegistered registered() {
        return new LotRegistered(id, code, productId, sellerId, quantity, unit, harvestDate, createdAt);
    }
}
