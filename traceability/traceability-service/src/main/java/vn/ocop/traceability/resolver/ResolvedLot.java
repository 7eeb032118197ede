package vn.ocop.traceability.resolver;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.ocop.traceability.lot.Lot;
import vn.ocop.traceability.lot.PublicLinks;
import vn.ocop.traceability.lot.TracedLot;
import vn.ocop.traceability.product.Product;

/** What anyone scanning a lot's label learns about it, as JSON. */
@Serdeable
record ResolvedLot(ProductPart product, LotPart lot, Links links) {

    @Serdeable
    record ProductPart(UUID id, String name, @Nullable String gtin, Seller seller) {
    }

    @Serdeable
    record Seller(UUID id, String name) {
    }

    @Serdeable
    record LotPart(String code, BigDecimal quantity, String unit, @Nullable LocalDate harvestDate, Instant registeredAt) {
    }

    /**
     * @param self the lot's canonical public URI (the one its QR code carries)
     * @param qr   the PNG of its QR code
     */
    @Serdeable
    record Links(String self, String qr) {
    }

    static ResolvedLot of(TracedLot traced, PublicLinks links) {
        Lot lot = traced.lot();
        Product product = traced.product();
        return new ResolvedLot(
                new ProductPart(product.productId(), product.name(), product.gtin(),
                        new Seller(product.sellerId(), product.sellerName())),
                new LotPart(lot.code(), lot.quantity(), lot.unit(), lot.harvestDate(), lot.createdAt()),
                new Links(links.resolver(lot, product), links.qr(lot)));
    }
}
