package vn.ocop.traceability.resolver;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import vn.ocop.platform.time.VietnamTime;
import vn.ocop.traceability.product.Product;

/**
 * The resolver's HTML pages, from the Thymeleaf templates in {@code views/resolver/} (every value inserted with
 * {@code th:text}/{@code th:attr}, so HTML-escaped; every text from the {@code i18n/resolver} bundle). Dates and
 * times are shown in Viet Nam's time zone, in the page's language.
 */
@Singleton
class ResolverPages {

    private final TemplateEngine templates;
    private final MessageSource messages;

    ResolverPages(TemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    String lot(LotView view, @Nullable String serial, LocalDate today, Locale locale, ResolverLinks links) {
        Product product = view.product();
        String self = links.self(view, serial);
        Map<String, Object> model = new HashMap<>();
        model.put("lang", locale.getLanguage());
        model.put("productName", product.name());
        model.put("sellerName", product.sellerName());
        model.put("gtin", product.gtin());
        model.put("lotCode", view.lotCode());
        model.put("serial", serial);
        model.put("quantity", view.lot().quantity().stripTrailingZeros().toPlainString() + " " + view.lot().unit());
        model.put("harvestDate", date(view.lot().harvestDate(), locale));
        model.put("status", text(locale, "status." + view.lot().status()));
        model.put("ocop", ocop(product, today, locale));
        model.put("intact", view.record().intact());
        model.put("chainLength", view.record().length());
        model.put("brokenAt", view.record().brokenAt());
        model.put("area", area(view.area(), locale));
        List<Map<String, Object>> origins = new ArrayList<>();
        for (LotView.Origin origin : view.origins()) {
            Map<String, Object> o = new HashMap<>();
            o.put("lotCode", origin.lotCode());
            o.put("process", origin.process());
            o.put("harvestDate", date(origin.harvestDate(), locale));
            o.put("area", area(origin.area(), locale));
            origins.add(o);
        }
        model.put("origins", origins);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (LotView.Step step : view.timeline()) {
            Map<String, Object> s = new HashMap<>();
            s.put("when", step.kind().equals("HARVEST") ? date(LocalDate.ofInstant(step.from(), VietnamTime.ZONE), locale)
                    : step.count() == 1 || step.from().equals(step.to()) ? time(step.from(), locale)
                    : time(step.from(), locale) + " – " + time(step.to(), locale));
            s.put("what", text(locale, "step." + step.kind(), step.bizStep() == null ? "" : step.bizStep()));
            s.put("count", step.count() > 1 ? text(locale, "step.count", step.count()) : null);
            s.put("detail", step.detail());
            s.put("lotCode", step.lotCode().equals(view.lotCode()) ? null : step.lotCode());
            s.put("kind", step.kind().toLowerCase(Locale.ROOT));
            steps.add(s);
        }
        model.put("steps", steps);
        LotView.Recall recall = view.recall();
        if (view.recalled()) {
            Map<String, Object> r = new HashMap<>();
            r.put("reason", recall == null ? null : recall.reason());
            r.put("date", recall == null ? null : time(recall.recalledAt(), locale));
            r.put("cause", recall == null ? null : recall.causeLotCode());
            model.put("recall", r);
        }
        model.put("pageVi", links.page(self, "vi"));
        model.put("pageEn", links.page(self, "en"));
        model.put("linkset", links.linkset(self));
        return templates.process("resolver/lot", new Context(locale, model));
    }

    /** The page for a code that names nothing: {@code reason} is a malformed path's reason, or the problem code. */
    String notFound(String reason, String path, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", locale.getLanguage());
        model.put("path", path.length() > 120 ? path.substring(0, 120) + "…" : path);
        model.put("reason", text(locale, "notfound.reason." + reason));
        model.put("pageVi", "?lang=vi");
        model.put("pageEn", "?lang=en");
        return templates.process("resolver/not-found", new Context(locale, model));
    }

    private @Nullable Map<String, Object> ocop(Product product, LocalDate today, Locale locale) {
        if (product.ocopCertificate() == null) {
            return null;
        }
        Map<String, Object> ocop = new HashMap<>();
        boolean valid = product.ocopValidOn(today);
        int stars = product.ocopStars() == null ? 0 : product.ocopStars();
        ocop.put("valid", valid);
        ocop.put("stars", "★".repeat(stars));
        ocop.put("starsText", text(locale, "ocop.stars", stars));
        ocop.put("certificate", product.ocopCertificate());
        ocop.put("validUntil", date(product.ocopValidUntil(), locale));
        ocop.put("state", text(locale, valid ? "ocop.valid" : product.ocopRevoked() ? "ocop.revoked" : "ocop.expired",
                date(product.ocopValidUntil(), locale)));
        return ocop;
    }

    private @Nullable Map<String, Object> area(@Nullable LotView.Area area, Locale locale) {
        if (area == null) {
            return null;
        }
        Map<String, Object> a = new HashMap<>();
        a.put("code", area.code());
        a.put("crop", area.crop());
        a.put("hectares", text(locale, "area.hectares", area.areaHa().setScale(2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString()));
        a.put("commune", area.communeName() == null ? area.communeCode() : area.communeName());
        a.put("verified", area.verified());
        BoundarySvg svg = area.boundary();
        if (svg != null) {
            a.put("viewBox", svg.viewBox());
            a.put("path", svg.path());
            a.put("width", svg.width());
            a.put("height", svg.height());
        }
        return a;
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, locale, args).orElse(key);
    }

    private String date(@Nullable LocalDate date, Locale locale) {
        return date == null ? null : date.format(DateTimeFormatter.ofPattern(text(locale, "format.date"), locale));
    }

    private String time(Instant instant, Locale locale) {
        return instant.atZone(VietnamTime.ZONE).format(DateTimeFormatter.ofPattern(text(locale, "format.time"), locale));
    }
}
