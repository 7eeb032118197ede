package vn.ocop.traceability.lot;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import vn.ocop.traceability.gs1.Gs1;
import vn.ocop.traceability.product.Product;

/**
 * The public addresses of a lot, under {@code ocop.traceability.resolver-base-url}: the URI its QR code carries (a
 * GS1 Digital Link {@code /01/{GTIN-14}/10/{lot}} when the product has a GTIN, else the short {@code /t/{code}}), its
 * QR image, and its API resource.
 */
@Singleton
public final class PublicLinks {

    private final String base;

    PublicLinks(@Value("${ocop.traceability.resolver-base-url}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** What a scan of the lot's label opens. */
    public String resolver(Lot lot, Product product) {
        return product.gtin() != null && Gs1.isValidGtin(product.gtin())
                ? Gs1.digitalLink(base, product.gtin(), lot.code())
                : base + "/t/" + Gs1.encode(lot.code());
    }

    /** The PNG of the lot's QR code. */
    public String qr(Lot lot) {
        return base + path(lot) + "/qr.png";
    }

    public String api(Lot lot) {
        return base + path(lot);
    }

    static String path(Lot lot) {
        return "/api/v1/lots/" + Gs1.encode(lot.code());
    }
}
