package vn.ocop.traceability.lot;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import vn.ocop.traceability.gs1.Gs1;
import vn.ocop.traceability.product.Product;

/**
 * The public addresses of a lot, under {@code ocop.traceability.resolver-base-url}: the URI its QR code carries (a
 * GS1 Digital Link {@code /01/{GTIN-14}/10/{lot}} when the product has a GTIN, else the short {@code /t/{code}}), the
 * URI of one serialised unit of it ({@code /01/{GTIN-14}/10/{lot}/21/{serial}}, else {@code /t/{code}/{serial}}), its
 * QR image, and its API resource. Every value in a path is percent-encoded as by {@link Gs1#encode}.
 */
@Singleton
public final class PublicLinks {

    private final String base;

    public PublicLinks(@Value("${ocop.traceability.resolver-base-url}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** What a scan of the lot's label opens. */
    public String resolver(Lot lot, Product product) {
        return product.gtin() != null && Gs1.isValidGtin(product.gtin())
                ? Gs1.digitalLink(base, product.gtin(), lot.code())
                : base + "/t/" + Gs1.encode(lot.code());
    }

    /**
     * What a scan of the label of one serialised unit of the lot opens: {@code {base}/01/{GTIN-14}/10/{lot}/21/{serial}}
     * when the product has a valid GTIN, else {@code {base}/t/{code}/{serial}}.
     */
    public String resolver(Lot lot, Product product, String serial) {
        return product.gtin() != null && Gs1.isValidGtin(product.gtin())
                ? Gs1.digitalLink(base, product.gtin(), lot.code(), serial)
                : base + "/t/" + Gs1.encode(lot.code()) + "/" + Gs1.encode(serial);
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
