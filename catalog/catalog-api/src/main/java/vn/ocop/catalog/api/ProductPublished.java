package vn.ocop.catalog.api;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A product was published, or a published product changed (name, prices): the full current snapshot, so that
 * other services keep their copy by replacing it. {@code revision} grows with every change; a copy ignores a
 * snapshot older than the one it has.
 *
 * @param productId  the product
 * @param revision   increases with every published change
 * @param sellerId   the selling account (the seller's identity account id)
 * @param sellerName the seller's display name
 * @param name       product name, Vietnamese
 * @param gtin       GTIN-8/12/13/14 with a valid check digit, if the product has one
 * @param skus       the units it is sold in
 * @param publishedAt when this snapshot was published
 * @param sellerProvinceCode the seller's province (post-2025 code): officers of that province oversee its orders;
 *                           absent from snapshots published before it existed
 * @param ocopGroup  the product's OCOP group (Decision 148/QĐ-TTg), one of {@link #OCOP_GROUPS}, e.g. {@code FOOD}:
 *                   payments takes its commission rate by it; absent from snapshots published before it existed
 * @param ocopCertificate the OCOP certificate an officer approved for the product, as the registry holds it now; absent
 *                        when there is none (or from snapshots published before the field existed)
 */
@Serdeable
public record ProductPublished(UUID productId, long revision, UUID sellerId, String sellerName, String name,
                               @Nullable String gtin, List<Sku> skus, Instant publishedAt,
                               @Nullable String sellerProvinceCode, @Nullable String ocopGroup,
                               @Nullable OcopCertificate ocopCertificate) {

    public static final String TYPE = "ProductPublished";
    public static final int VERSION = 1;

    /** The six OCOP product groups, as {@code ocopGroup} names them. */
    public static final List<String> OCOP_GROUPS = List.of("FOOD", "BEVERAGES", "HERBAL", "HANDICRAFTS", "ORNAMENTALS", "TOURISM");

    /** The canonical constructor, the one JSON is read through. */
    @Creator
    public ProductPublished {
    }

    /** A snapshot without a certificate, as published before the field existed (kept for existing callers). */
    public ProductPublished(UUID productId, long revision, UUID sellerId, String sellerName, String name, @Nullable String gtin,
                            List<Sku> skus, Instant publishedAt, @Nullable String sellerProvinceCode, @Nullable String ocopGroup) {
        this(productId, revision, sellerId, sellerName, name, gtin, skus, publishedAt, sellerProvinceCode, ocopGroup, null);
    }

    /** A snapshot without the OCOP group, as published before the field existed (kept for existing callers). */
    public ProductPublished(UUID productId, long revision, UUID sellerId, String sellerName, String name, @Nullable String gtin,
                            List<Sku> skus, Instant publishedAt, @Nullable String sellerProvinceCode) {
        this(productId, revision, sellerId, sellerName, name, gtin, skus, publishedAt, sellerProvinceCode, null, null);
    }

    /**
     * A sellable unit of the product.
     *
     * @param skuId       the SKU
     * @param code        seller's short code, e.g. {@code ST25-5KG}
     * @param label       what the buyer sees, e.g. "Túi 5 kg"
     * @param unit        unit of sale, e.g. "túi", "chai"
     * @param priceVnd    price in whole dong
     * @param weightGrams shipping weight
     */
    @Serdeable
    public record Sku(UUID skuId, String code, String label, String unit, long priceVnd, int weightGrams) {
    }

    /**
     * The product's approved OCOP certificate: what a label or a scanned code's page shows. A consumer judges validity
     * on its own day: valid while not revoked and not after {@code expiresOn} (Vietnam's date).
     *
     * @param number    the certificate's number in the provincial registry
     * @param stars     3, 4 or 5
     * @param issuedOn  when it was issued
     * @param expiresOn its last valid day
     * @param revoked   revoked by the issuing committee
     */
    @Serdeable
    public record OcopCertificate(String number, int stars, LocalDate issuedOn, LocalDate expiresOn, boolean revoked) {

        /** Valid on that day (Vietnam's date): not revoked and not expired. */
        public boolean validOn(LocalDate day) {
            return !revoked && !day.isAfter(expiresOn);
        }
    }
}
