package vn.ocop.traceability.resolver;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A code's link set (RFC 9264, {@code application/linkset+json}) with GS1 Web Vocabulary link types, as GS1 Digital
 * Link resolvers answer: {@code gs1:defaultLink} and {@code gs1:pip} (the page, in Vietnamese and English),
 * {@code gs1:traceability} (the lot's EPCIS 2.0 document), {@code gs1:certificationInfo} (the product's page in the
 * catalog, with its OCOP certificate, when it has one) and {@code gs1:recallStatus} (the page's recall notice, when
 * the lot is recalled).
 */
final class Linksets {

    static final String MEDIA_TYPE = "application/linkset+json";
    static final String VOC = "https://gs1.org/voc/";

    private Linksets() {
    }

    static Map<String, Object> of(LotView view, @Nullable String serial, ResolverLinks links) {
        String self = links.self(view, serial);
        String title = view.product().name() + " – " + view.lotCode() + (serial == null ? "" : " / " + serial);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("anchor", self);
        context.put(VOC + "defaultLink", List.of(link(links.page(self, "vi"), title, "text/html", "vi")));
        context.put(VOC + "pip", List.of(link(links.page(self, "vi"), title, "text/html", "vi"),
                link(links.page(self, "en"), title, "text/html", "en")));
        context.put(VOC + "traceability", List.of(link(links.traceability(view), "EPCIS 2.0 – " + view.lotCode(),
                "application/ld+json", null)));
        if (view.product().ocopCertificate() != null) {
            context.put(VOC + "certificationInfo", List.of(link(links.product(view),
                    "OCOP " + view.product().ocopCertificate(), "application/json", null)));
        }
        if (view.recalled()) {
            context.put(VOC + "recallStatus", List.of(link(links.page(self, "vi") + "#recall", title, "text/html", "vi"),
                    link(links.page(self, "en") + "#recall", title, "text/html", "en")));
        }
        return Map.of("linkset", List.of(context));
    }

    /** The href of the first link of a GS1 link type ({@code gs1:pip} or the full URI), if the link set has one. */
    @SuppressWarnings("unchecked")
    static Optional<String> href(Map<String, Object> linkset, String linkType) {
        String type = linkType.startsWith("gs1:") ? VOC + linkType.substring(4) : linkType;
        Map<String, Object> context = ((List<Map<String, Object>>) linkset.get("linkset")).getFirst();
        Object targets = context.get(type);
        return targets instanceof List<?> list && !list.isEmpty()
                ? Optional.of((String) ((Map<String, Object>) list.getFirst()).get("href")) : Optional.empty();
    }

    private static Map<String, Object> link(String href, String title, String type, @Nullable String language) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("title", title);
        link.put("type", type);
        if (language != null) {
            link.put("hreflang", new ArrayList<>(List.of(language)));
        }
        return link;
    }
}
