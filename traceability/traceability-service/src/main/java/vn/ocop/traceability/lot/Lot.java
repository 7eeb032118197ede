package vn.ocop.traceability.lot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.traceability.api.LotRegistered;

/**
 * A lot of a product registered by its seller: the unit that labels, events and scans refer to.
 *
 * @param id                the lot
 * @param code              its public code, printed on labels and used as the GS1 lot number (AI 10)
 * @param productId         the product
 * @param sellerId          the seller who registered it
 * @param growingAreaId     the growing area it was harvested from; none for processed goods from several areas
 * @param quantity          how much was registered, up to three decimals
 * @param remainingQuantity how much is neither packed nor transformed yet; never below zero
 * @param unit              of what, e.g. "kg"
 * @param harvestDate       when it was harvested, if known
 * @param status            see {@link LotStatus}
 * @param createdAt         when it was registered
 */
@MappedEntity("lots")
public record Lot(@Id UUID id, String code, UUID productId, UUID sellerId, @Nullable UUID growingAreaId,
                  BigDecimal quantity, BigDecimal remainingQuantity, String unit, @Nullable LocalDate harvestDate,
                  LotStatus status, Instant createdAt) {

    /** @throws ProblemException 409 {@code lot_recalled} when the lot was recalled: nothing more is made of it or labelled */
    void refuseIfRecalled() {
        if (status == LotStatus.RECALLED) {
            throw ProblemException.conflict("lot_recalled", "Lot {0} was recalled: nothing more can be packed or transformed from it",
                    code);
        }
    }

    public boolean isOwnedBy(UUID accountId) {
        return sellerId.equals(accountId);
    }

    /** The lot recalled: status {@link LotStatus#RECALLED}, so that nothing more is packed or transformed from it. */
    public Lot recalled() {
        return new Lot(id, code, productId, sellerId, growingAreaId, quantity, remainingQuantity, unit, harvestDate,
                LotStatus.RECALLED, createdAt);
    }

    LotRegistered registered() {
        return new LotRegistered(id, code, productId, sellerId, quantity, unit, harvestDate, createdAt);
    }

    /**
     * The lot after {@code amount} of it was packed or transformed; with nothing left, a lot consumed only by
     * transformations ({@code packed} false) is {@link LotStatus#DEPLETED}.
     *
     * @throws ProblemException 409 when the lot was recalled, is not active or has less than {@code amount} left
     */
    Lot drawn(BigDecimal amount, boolean packed) {
        refuseIfRecalled();
        if (status != LotStatus.ACTIVE) {
            throw ProblemException.conflict("lot_not_active", "Lot {0} is {1}", code, status);
        }
        BigDecimal left = remainingQuantity.subtract(amount);
        if (left.signum() < 0) {
            throw ProblemException.conflict("lot_quantity_insufficient", "Lot {0} has {1} {2} left, less than {3} {2}",
                    code, remainingQuantity.toPlainString(), unit, amount.toPlainString());
        }
        LotStatus next = left.signum() == 0 && !packed ? LotStatus.DEPLETED : status;
        return new Lot(id, code, productId, sellerId, growingAreaId, quantity, left, unit, harvestDate, next, createdAt);
    }
}
