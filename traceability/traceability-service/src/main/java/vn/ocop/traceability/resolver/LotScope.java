package vn.ocop.traceability.resolver;

import io.micronaut.core.annotation.Nullable;
import java.util.UUID;
import vn.ocop.traceability.area.GrowingArea;
import vn.ocop.traceability.product.Product;

/**
 * Whose a lot is: its seller, and the province whose officers oversee it: the seller's province from the product copy,
 * else (copies of snapshots older than that field) the province of the lot's growing area; none when neither is
 * known, and then only admins act as officers for it.
 */
public record LotScope(UUID sellerId, @Nullable String provinceCode) {

    public static LotScope of(Product product, @Nullable GrowingArea area) {
        String province = product.sellerProvinceCode() != null ? product.sellerProvinceCode()
                : area == null ? null : area.provinceCode();
        return new LotScope(product.sellerId(), province);
    }
}
