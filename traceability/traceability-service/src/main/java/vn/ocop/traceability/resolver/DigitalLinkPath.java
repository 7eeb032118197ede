package vn.ocop.traceability.resolver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.ocop.traceability.gs1.Gs1;

/**
 * Reads a resolver path as scanned (raw, still percent-encoded): a GS1 Digital Link
 * {@code /01/{GTIN}[/22/{cpv}]/10/{lot}[/21/{serial}]} (GTIN-8/12/13/14 with a valid check digit, qualifiers in the order
 * GS1 fixes for a GTIN: 22, 10, 21; each value 1 to 20 characters of GS1's set 82 once decoded) or the short
 * {@code /t/{code}[/{serial}]} of products without a GTIN. Anything else is {@link Malformed}, with the reason.
 */
final class DigitalLinkPath {

    /** Longer raw paths are not read at all (a lot, a serial and a GTIN take well under 150 characters). */
    static final int MAX_LENGTH = 300;

    private static final List<String> GTIN_QUALIFIERS = List.of("22", "10", "21");

    private DigitalLinkPath() {
    }

    /** A path that names no code: {@code problem} is the problem code, {@code reason} says what is wrong with it. */
    record Malformed(String problem, String reason) {

        static final String GTIN_INVALID = "gtin_invalid";
        static final String MALFORMED = "digital_link_malformed";
    }

    /** A path read: either a target or why it is malformed. */
    record Parsed(ScanTarget target, Malformed malformed) {

        static Parsed of(ScanTarget target) {
            return new Parsed(target, null);
        }

        static Parsed malformed(String problem, String reason) {
            return new Parsed(null, new Malformed(problem, reason));
        }

        boolean ok() {
            return target != null;
        }
    }

    /** Reads a raw request path starting {@code /01/} or {@code /t/}. */
    static Parsed parse(String rawPath) {
        if (rawPath.length() > MAX_LENGTH) {
            return Parsed.malformed(Malformed.MALFORMED, "too_long");
        }
        if (rawPath.startsWith("/01/")) {
            return gs1(rawPath.substring(4).split("/", -1));
        }
        if (rawPath.startsWith("/t/")) {
            return shortPath(rawPath.substring(3).split("/", -1));
        }
        return Parsed.malformed(Malformed.MALFORMED, "unknown_path");
    }

    private static Parsed gs1(String[] segments) {
        if (segments[0].isEmpty() || Gs1.gtin14(segments[0]).isEmpty()) {
            return Parsed.malformed(Malformed.GTIN_INVALID, "gtin_invalid");
        }
        String gtin14 = Gs1.gtin14(segments[0]).orElseThrow();
        if ((segments.length - 1) % 2 != 0) {
            return Parsed.malformed(Malformed.MALFORMED, "qualifier_without_value");
        }
        String cpv = null;
        String lot = null;
        String serial = null;
        int lastOrder = -1;
        for (int i = 1; i < segments.length; i += 2) {
            int order = GTIN_QUALIFIERS.indexOf(segments[i]);
            if (order < 0) {
                return Parsed.malformed(Malformed.MALFORMED, "unknown_qualifier");
            }
            if (order <= lastOrder) {
                return Parsed.malformed(Malformed.MALFORMED, "qualifier_order");
            }
            lastOrder = order;
            String value = decode(segments[i + 1]);
            if (value == null || !(order == 2 ? Gs1.isSerialNumber(value) : Gs1.isLotNumber(value))) {
                return Parsed.malformed(Malformed.MALFORMED, "bad_characters");
            }
            switch (order) {
                case 0 -> cpv = value;
                case 1 -> lot = value;
                default -> serial = value;
            }
        }
        if (lot == null) {
            return Parsed.malformed(Malformed.MALFORMED, "lot_missing");
        }
        return Parsed.of(new ScanTarget(ScanTarget.Form.GS1, gtin14, cpv, lot, serial));
    }

    private static Parsed shortPath(String[] segments) {
        if (segments.length > 2) {
            return Parsed.malformed(Malformed.MALFORMED, "extra_segments");
        }
        String lot = decode(segments[0]);
        if (lot == null || !Gs1.isLotNumber(lot)) {
            return Parsed.malformed(Malformed.MALFORMED, segments[0].isEmpty() ? "lot_missing" : "bad_characters");
        }
        String serial = null;
        if (segments.length == 2) {
            serial = decode(segments[1]);
            if (serial == null || !Gs1.isSerialNumber(serial)) {
                return Parsed.malformed(Malformed.MALFORMED, "bad_characters");
            }
        }
        return Parsed.of(new ScanTarget(ScanTarget.Form.SHORT, null, null, lot, serial));
    }

    /** A percent-encoded path segment decoded as UTF-8 ('+' stays '+', as in a URI path); null when badly encoded. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
