package vn.ocop.traceability.epcis;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.ocop.traceability.gs1.Gs1;

/**
 * A lot as an EPCIS identifier names it: a GTIN-14 and a lot number (AI 10), or, for products without a GTIN, only
 * the lot code of one of this service's short {@code {resolver}/t/{code}} URIs, or of a serialised unit's
 * {@code {resolver}/t/{code}/{serial}} ({@code gtin14} null).
 *
 * <p>Recognised: class-level {@code urn:epc:class:lgtin:{company prefix}.{indicator+item ref}.{lot}} and GS1 Digital
 * Link URIs on any host with {@code /01/{GTIN}/10/{lot}} (also with {@code /21/{serial}} after it: a serialised unit
 * of that lot). Instance-level identifiers that carry no lot ({@code urn:epc:id:sgtin:...}, Digital Link
 * {@code /01/{GTIN}/21/{serial}}) name no lot here.
 */
record LotKey(@Nullable String gtin14, String lotCode) {

    private static final String LGTIN = "urn:epc:class:lgtin:";
    private static final Pattern LGTIN_BODY = Pattern.compile("(\\d{6,12})\\.(\\d{1,7})\\.(.+)");

    /** The lot {@code identifier} names, if any; {@code ourBase} is this service's resolver base URL. */
    static Optional<LotKey> of(String identifier, String ourBase) {
        if (identifier.startsWith(LGTIN)) {
            return lgtin(identifier.substring(LGTIN.length()));
        }
        if (identifier.startsWith(ourBase + "/t/")) {
            String path = identifier.substring(ourBase.length() + 3);
            int slash = path.indexOf('/');
            String code = slash < 0 ? path : path.substring(0, slash);
            boolean serialOk = slash < 0 || slash < path.length() - 1 && path.indexOf('/', slash + 1) < 0;
            return code.isEmpty() || !serialOk ? Optional.empty() : decoded(code).map(lot -> new LotKey(null, lot));
        }
        if (identifier.startsWith("https://") || identifier.startsWith("http://")) {
            return digitalLink(identifier);
        }
        return Optional.empty();
    }

    private static Optional<LotKey> lgtin(String body) {
        Matcher m = LGTIN_BODY.matcher(body);
        if (!m.matches() || m.group(1).length() + m.group(2).length() != 13) {
            return Optional.empty();
        }
        String itemRef = m.group(2);
        String gtin13 = itemRef.charAt(0) + m.group(1) + itemRef.substring(1);
        return decoded(m.group(3)).map(lot -> new LotKey(gtin13 + Gs1.checkDigit(gtin13), lot));
    }

    private static Optional<LotKey> digitalLink(String identifier) {
        String path;
        try {
            path = URI.create(identifier).getRawPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i + 1 < segments.length; i++) {
            if (segments[i].equals("01")) {
                Optional<String> gtin14 = Gs1.gtin14(segments[i + 1]);
                if (gtin14.isEmpty()) {
                    return Optional.empty();
                }
                for (int j = i + 2; j + 1 < segments.length; j += 2) {
                    if (segments[j].equals("10")) {
                        return decoded(segments[j + 1]).map(lot -> new LotKey(gtin14.get(), lot));
                    }
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A percent-encoded segment decoded as UTF-8 ('+' is itself, as in a URI path); empty when not a lot number. */
    private static Optional<String> decoded(String segment) {
        try {
            String value = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            return Gs1.isLotNumber(value) ? Optional.of(value) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
