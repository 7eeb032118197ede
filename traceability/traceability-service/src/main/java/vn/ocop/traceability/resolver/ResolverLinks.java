package vn.ocop.traceability.resolver;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.ocop.traceability.lot.PublicLinks;

/** The addresses the resolver's answers point to, from {@link PublicLinks} and the catalog's public URL. */
@Singleton
class ResolverLinks {

    private final PublicLinks links;
    private final String catalog;

    ResolverLinks(PublicLinks links, ResolverSettings settings) {
        this.links = links;
        this.catalog = settings.catalogUrl().endsWith("/")
                ? settings.catalogUrl().substring(0, settings.catalogUrl().length() - 1) : settings.catalogUrl();
    }

    /** The canonical URI of the lot, or of one unit of it: what its label's QR code carries. */
    String self(LotView view, @Nullable String serial) {
        return serial == null ? links.resolver(view.lot(), view.product()) : links.resolver(view.lot(), view.product(), serial);
    }

    String qr(LotView view) {
        return links.qr(view.lot());
    }

    String linkset(String self) {
        return self + "?linkType=linkset";
    }

    /** The page in one language. */
    String page(String self, String language) {
        return self + "?lang=" + language;
    }

    /** The lot's EPCIS 2.0 document (its seller, officers and admins may read it). */
    String traceability(LotView view) {
        return links.api(view.lot()) + "/epcis";
    }

    /** The catalog's public page of the product, which shows its OCOP certificate. */
    String product(LotView view) {
        return catalog + "/api/v1/products/" + view.product().productId();
    }
}
