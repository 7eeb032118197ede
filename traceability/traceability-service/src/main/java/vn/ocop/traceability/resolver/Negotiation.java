package vn.ocop.traceability.resolver;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a scan is answered. {@code ?linkType=linkset} (or {@code all}) asks for the link set; otherwise the
 * {@code Accept} header decides, by quality: {@code application/linkset+json} the link set, {@code text/html} (or
 * XHTML) the page, {@code application/json} JSON; a request accepting anything, or sending no {@code Accept}, gets
 * JSON (phones' browsers always ask for HTML first). The page's language: {@code ?lang=vi|en} wins, then
 * {@code Accept-Language} (English when its first language is English), else Vietnamese.
 */
enum Negotiation {
    HTML,
    JSON,
    LINKSET;

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    static Negotiation of(HttpRequest<?> request) {
        Optional<String> linkType = request.getParameters().getFirst("linkType");
        if (linkType.filter(type -> type.equals("linkset") || type.equals("all")).isPresent()) {
            return LINKSET;
        }
        List<MediaType> accepted = request.getHeaders().accept();
        if (accepted.isEmpty()) {
            return JSON;
        }
        List<MediaType> byQuality = accepted.stream()
                .sorted(Comparator.comparing(MediaType::getQualityAsNumber).reversed()).toList();
        for (MediaType type : byQuality) {
            if (type.getQualityAsNumber().signum() == 0) {
                continue;
            }
            String name = type.getName();
            if (name.equals(Linksets.MEDIA_TYPE)) {
                return LINKSET;
            }
            if (name.equals(MediaType.TEXT_HTML) || name.equals(MediaType.APPLICATION_XHTML) || name.equals("text/*")) {
                return HTML;
            }
            if (name.equals(MediaType.APPLICATION_JSON) || name.equals("application/*") || name.equals("*/*")) {
                return JSON;
            }
        }
        return JSON;
    }

    static Locale locale(HttpRequest<?> request) {
        Optional<String> lang = request.getParameters().getFirst("lang").map(l -> l.toLowerCase(Locale.ROOT));
        if (lang.filter("en"::equals).isPresent()) {
            return Locale.ENGLISH;
        }
        if (lang.filter("vi"::equals).isPresent()) {
            return VIETNAMESE;
        }
        return request.getLocale().filter(l -> "en".equals(l.getLanguage())).isPresent() ? Locale.ENGLISH : VIETNAMESE;
    }
}
