package vn.ocop.traceability.resolver;

import io.micronaut.core.annotation.Nullable;
import vn.ocop.traceability.gs1.Gs1;

/**
 * What a well-formed resolver path names: a lot (by its code and, on a GS1 Digital Link, the GTIN its label claims),
 * optionally one serialised unit of it.
 *
 * @param form    which kind of path it came in
 * @param gtin14  the GTIN of a Digital Link, padded to 14 digits; null on a short path
 * @param cpv     a consumer product variant (AI 22) the Digital Link carried; we never print one
 * @param lotCode the lot code (AI 10), decoded
 * @param serial  the serial (AI 21), decoded, if the path names a unit
 */
public record ScanTarget(Form form, @Nullable String gtin14, @Nullable String cpv, String lotCode, @Nullable String serial) {

    /** {@code GS1}: {@code /01/{gtin}/10/{lot}[/21/{serial}]}; {@code SHORT}: {@code /t/{code}[/{serial}]}. */
    public enum Form {
        GS1,
        SHORT
    }

    /** The key the scan log counts this code under: the lot code, or the lot code and the serial ({@code ST25-1|7K3M...}). */
    public String codeKey() {
        return codeKey(lotCode, serial);
    }

    public static String codeKey(String lotCode, @Nullable String serial) {
        // '|' is not a GS1 (set 82) character, so the key cannot be ambiguous
        return serial == null ? lotCode : lotCode + "|" + serial;
    }

    /** The path in canonical form (GTIN-14, values percent-encoded), to name a code that was never issued. */
    public String canonicalPath() {
        StringBuilder path = new StringBuilder();
        if (form == Form.GS1) {
            path.append("/01/").append(gtin14);
            if (cpv != null) {
                path.append("/22/").append(Gs1.encode(cpv));
            }
            path.append("/10/").append(Gs1.encode(lotCode));
            if (serial != null) {
                path.append("/21/").append(Gs1.encode(serial));
            }
        } else {
            path.append("/t/").append(Gs1.encode(lotCode));
            if (serial != null) {
                path.append('/').append(Gs1.encode(serial));
            }
        }
        return path.toString();
    }
}
