package vn.ocop.deploy;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Loads the small demo dataset through the public APIs, as the people involved would: the trade office of Cần Thơ
 * (which Sóc Trăng joined in July 2025) gets an officer; the ST25 rice enterprise of Mỹ Xuyên registers, is verified,
 * lists its rice and registers a harvest lot; the province's OCOP registry is imported and most of it listed by its
 * subjects ({@link DemoRegistry}); a buyer registers. Running it again changes nothing.
 */
public final class DemoData {

    public static final String ADMIN_EMAIL = "admin@ocop.local";
    public static final String OFFICER_EMAIL = "canbo.cantho@ocop.local";
    public static final String OFFICER_PASSWORD = "Ocop-Officer-2025!";
    public static final String SELLER_EMAIL = "st25@ocop.local";
    public static final String SELLER_PASSWORD = "Ocop-Seller-2025!";
    public static final String BUYER_EMAIL = "buyer@ocop.local";
    public static final String BUYER_PASSWORD = "Ocop-Buyer-2025!";
    /** Post-2025 codes: Cần Thơ city, Phường Mỹ Xuyên (formerly Thị trấn Mỹ Xuyên, Huyện Mỹ Xuyên, Sóc Trăng). */
    public static final String CAN_THO = "92";
    public static final String MY_XUYEN = "31684";

    private DemoData() {
    }

    public static Map<String, Object> sellerRegistration() {
        return Map.of("displayName", "Gạo Ông Cua", "email", SELLER_EMAIL, "phone", "0912000025", "password", SELLER_PASSWORD,
                "sellerType", "ENTERPRISE", "legalName", "Doanh nghiệp tư nhân Hồ Quang", "provinceCode", CAN_THO,
                "communeCode", MY_XUYEN);
    }

    /** The rest of the seller's profile, as the seller completes it in catalog. */
    public static Map<String, Object> sellerProfile() {
        return Map.of("displayName", "Gạo Ông Cua", "sellerType", "ENTERPRISE", "legalName", "Doanh nghiệp tư nhân Hồ Quang",
                "businessCode", "2200112233", "representative", "Hồ Quang Cua", "phone", "0912000025", "email", SELLER_EMAIL,
                "address", Map.of("street", "Ấp Hòa Trung", "provinceCode", CAN_THO, "communeCode", MY_XUYEN,
                        "legacyDistrictCode", "947"));
    }

    public static Map<String, Object> sellerPayout() {
        return Map.of("method", "BANK_ACCOUNT", "bankBin", "970405", "accountNumber", "7600205123456",
                "accountName", "Doanh nghiệp tư nhân Hồ Quang");
    }

    public static Map<String, Object> st25Rice() {
        return Map.of("name", "Gạo ST25 Ông Cua", "nameEn", "Ong Cua ST25 rice", "ocopGroup", "FOOD", "category", "Gạo",
                "originCommuneCode", MY_XUYEN,
                "description", "Gạo ST25 trồng tại Mỹ Xuyên, Sóc Trăng (nay thuộc TP Cần Thơ). Gạo ngon nhất thế giới 2019, 2023, 2025.",
                "gtin", "8931234567897",
                "skus", List.of(
                        Map.of("code", "ST25-5KG", "label", "Túi 5 kg", "unit", "túi", "priceVnd", 220_000, "weightGrams", 5100,
                                "stock", 500),
                        Map.of("code", "ST25-10KG", "label", "Túi 10 kg", "unit", "túi", "priceVnd", 420_000, "weightGrams", 10150,
                                "stock", 200)));
    }

    public static void main(String[] args) {
        String adminPassword = System.getenv().getOrDefault("OCOP_ADMIN_PASSWORD", "");
        if (adminPassword.isEmpty()) {
            throw new IllegalStateException("set OCOP_ADMIN_PASSWORD to the bootstrap admin's password");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Api api = new Api(Api.Urls.local())) {
            var market = new Marketplace(api, Duration.ofSeconds(30));
            var admin = market.login(ADMIN_EMAIL, adminPassword);
            var officer = market.ensureStaff(admin, "OFFICER", OFFICER_EMAIL, OFFICER_PASSWORD, "Cán bộ Sở Công Thương Cần Thơ",
                    CAN_THO);
            var seller = market.ensureSeller(sellerRegistration());
            market.ensureVerified(officer, seller, sellerProfile(), sellerPayout());
            var rice = market.ensureProduct(seller, st25Rice());
            List<String> registry = DemoRegistry.load(market, officer, seller);
            var buyer = market.ensureBuyer("0987000001", BUYER_EMAIL, BUYER_PASSWORD, "Nguyễn Thị Mai");
            var lot = market.registerLot(seller, Map.of("productId", rice.get("id"), "code", "ST25-MX-2611", "quantity", 1200,
                    "unit", "kg", "harvestDate", "2026-11-02"));
            if (!lot.ok() && lot.status() != 409) {
                throw new IllegalStateException("registering the demo lot failed: HTTP " + lot.status() + " " + lot.body());
            }
            out.println("demo data ready:");
            registry.forEach(out::println);
            out.println("  seller   " + seller.accountId() + " (verified by " + officer.accountId() + ")");
            out.println("  product  " + rice.get("id") + "  " + rice.get("name"));
            @SuppressWarnings("unchecked")
            var skus = (List<Map<String, Object>>) rice.get("skus");
            skus.forEach(s -> out.println("  sku      " + s.get("id") + "  " + s.get("label") + "  " + s.get("priceVnd") + " VND"));
            out.println("  buyer    " + buyer.accountId());
            out.println("  lot QR   " + api.urls().traceability() + "/api/v1/lots/ST25-MX-2611/qr.png");
            out.println("  resolver " + api.urls().traceability() + "/01/08931234567897/10/ST25-MX-2611");
        }
    }
}
