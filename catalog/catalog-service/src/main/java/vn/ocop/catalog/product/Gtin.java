package vn.ocop.catalog.product;

/** GS1 Global Trade Item Numbers: GTIN-8, -12, -13 or -14 with a valid check digit. */
final class Gtin {

    private Gtin() {
    }

    static boolean isValid(String gtin) {
        if (gtin == null || !gtin.matches("\\d{8}|\\d{12,14}")) {
            return false;
        }
        return checkDigit(gtin.substring(0, gtin.length() - 1)) == gtin.charAt(gtin.length() - 1) - '0';
    }

    /** From the rightmost data digit, weights 3, 1, 3, 1...; check = (10 - sum mod 10) mod 10. */
    static int checkDigit(String data) {
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            int digit = data.charAt(data.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }
}
