package vn.ocop.traceability.epcis;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.util.Optional;
import java.util.UUID;
import vn.ocop.traceability.gs1.Gs1;

/**
 * One of our lots as EPCIS needs it: read from the lots table (and the product copy's GTIN) without touching the lot
 * feature's own types.
 *
 * @param id       the lot
 * @param code     its code, the GS1 lot number
 * @param sellerId its seller
 * @param gtin     its product's GTIN, if it has a valid one
 * @param unit     what its quantity counts, e.g. "kg"
 */
@Introspected
record KnownLot(UUID id, String code, UUID sellerId, @Nullable String gtin, String unit) {

    Optional<String> gtin14() {
        return gtin == null ? Optional.empty() : Gs1.gtin14(gtin);
    }

    /** Whether an identifier's lot is this lot: same code and, for GS1 identifiers, the product's GTIN. */
    boolean isNamedBy(LotKey key) {
        return code.equals(key.lotCode()) && (key.gtin14() == null || key.gtin14().equals(gtin14().orElse(null)));
    }
}
