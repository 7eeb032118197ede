package vn.ocop.deploy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The demo OCOP registry of the former Sóc Trăng province (now part of Cần Thơ): 174 certified products with the seed
 * documents' star split (1 five-star, 29 four-star, 144 three-star), spread over its eleven former districts and their
 * current communes, issued by 29 OCOP subjects. Every subject sells on the marketplace, but about one product in five
 * is not listed, so the province's online coverage sits visibly below its 100% target. Deterministic: loading it again
 * changes nothing.
 */
final class DemoRegistry {

    static final int CERTIFICATES = 174;
    static final int SUBJECTS = 29;
    /** How long an OCOP certificate is valid (catalog's default when the registry gives no expiry date). */
    static final int VALID_MONTHS = 36;

    /** The former district-level units of Sóc Trăng (code 94). */
    static final List<String> DISTRICTS = List.of("941", "942", "943", "944", "945", "946", "947", "948", "949", "950", "951");

    /** What the province makes: name, OCOP group, category, price of one unit, unit, label, weight in grams. */
    record Kind(String name, String group, String category, long price, String unit, String label, int grams) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("Gạo ST24", "FOOD", "Gạo", 180_000, "túi", "Túi 5 kg", 5100),
            new Kind("Gạo thơm lài", "FOOD", "Gạo", 150_000, "túi", "Túi 5 kg", 5100),
            new Kind("Bánh pía sầu riêng trứng muối", "FOOD", "Bánh", 95_000, "hộp", "Hộp 4 cái", 600),
            new Kind("Bánh pía đậu xanh", "FOOD", "Bánh", 80_000, "hộp", "Hộp 4 cái", 600),
            new Kind("Bánh in nhân đậu", "FOOD", "Bánh", 45_000, "hộp", "Hộp 500 g", 550),
            new Kind("Lạp xưởng tươi", "FOOD", "Thịt chế biến", 180_000, "túi", "Túi 500 g", 550),
            new Kind("Lạp xưởng tôm", "FOOD", "Thịt chế biến", 220_000, "túi", "Túi 500 g", 550),
            new Kind("Tôm khô", "FOOD", "Thủy sản khô", 450_000, "túi", "Túi 500 g", 550),
            new Kind("Khô cá lóc", "FOOD", "Thủy sản khô", 280_000, "túi", "Túi 500 g", 550),
            new Kind("Khô cá sặc rằn", "FOOD", "Thủy sản khô", 250_000, "túi", "Túi 500 g", 550),
            new Kind("Mắm cá linh", "FOOD", "Mắm", 90_000, "hũ", "Hũ 500 g", 700),
            new Kind("Nước mắm cá cơm", "FOOD", "Nước mắm", 120_000, "chai", "Chai 500 ml", 800),
            new Kind("Hành tím", "FOOD", "Nông sản", 60_000, "túi", "Túi 1 kg", 1050),
            new Kind("Mật ong hoa tràm", "FOOD", "Mật ong", 250_000, "chai", "Chai 500 ml", 800),
            new Kind("Mè đen rang", "FOOD", "Hạt", 70_000, "túi", "Túi 500 g", 550),
            new Kind("Kẹo mè gừng", "FOOD", "Bánh kẹo", 40_000, "hộp", "Hộp 300 g", 350),
            new Kind("Chao môn", "FOOD", "Gia vị", 35_000, "hũ", "Hũ 250 g", 400),
            new Kind("Bưởi năm roi", "FOOD", "Trái cây", 70_000, "kg", "1 kg", 1050),
            new Kind("Bánh tráng sữa", "FOOD", "Bánh", 50_000, "túi", "Túi 500 g", 550),
            new Kind("Bún khô", "FOOD", "Bún, mì", 35_000, "túi", "Túi 500 g", 550),
            new Kind("Trà mãng cầu", "BEVERAGES", "Trà", 85_000, "hộp", "Hộp 200 g", 250),
            new Kind("Rượu nếp than", "BEVERAGES", "Rượu", 150_000, "chai", "Chai 500 ml", 900),
            new Kind("Trà gạo lứt", "BEVERAGES", "Trà", 65_000, "hộp", "Hộp 300 g", 350),
            new Kind("Tinh dầu tràm", "HERBAL", "Tinh dầu", 90_000, "chai", "Chai 100 ml", 200),
            new Kind("Tinh bột nghệ", "HERBAL", "Dược liệu", 110_000, "hũ", "Hũ 500 g", 600),
            new Kind("Túi xách lục bình", "HANDICRAFTS", "Đan lát", 180_000, "cái", "Cái", 500),
            new Kind("Chiếu lác", "HANDICRAFTS", "Đan lát", 250_000, "chiếc", "Chiếc 1,6 m", 1500),
            new Kind("Giỏ tre đan", "HANDICRAFTS", "Đan lát", 120_000, "cái", "Cái", 400),
            new Kind("Mai vàng bonsai", "ORNAMENTALS", "Cây cảnh", 900_000, "chậu", "Chậu", 8000),
            new Kind("Tour du lịch sinh thái rừng tràm", "TOURISM", "Du lịch cộng đồng", 350_000, "vé", "Vé người lớn", 1));

    /** An OCOP subject: its name, type and registration code; subject 0 is the ST25 rice enterprise of the demo. */
    record Subject(int index, String name, String type, String businessCode) {

        String email() {
            return index == 0 ? DemoData.SELLER_EMAIL : String.format(Locale.ROOT, "chuthe%02d@ocop.local", index);
        }

        String phone() {
            return index == 0 ? "0912000025" : String.format(Locale.ROOT, "09130000%02d", index);
        }
    }

    /**
     * A certificate of the demo registry.
     *
     * @param listed whether its subject sells it on the marketplace
     */
    record Entry(int index, String number, String productName, Kind kind, Subject subject, int stars, LocalDate issuedOn,
                 String legacyDistrict, boolean listed) {
    }

    private static final List<String> BRANDS = List.of("Hồ Quang", "Tân Huê Viên", "Mỹ Hương", "Vĩnh Châu", "Cù Lao Dung",
            "Kế Sách", "Long Phú", "Mỹ Tú", "Thạnh Trị", "Trần Đề", "Ngã Năm", "Đại Ngãi", "Phú Tâm", "An Lạc Thôn", "Hòa Tú",
            "Nhu Gia", "Lai Hòa", "Vĩnh Hải", "Lịch Hội Thượng", "Hưng Lợi", "Thuận Hòa", "Mỹ Phước", "Long Hưng", "Ba Trinh",
            "Thiện Mỹ", "An Hiệp", "Phong Nẫm", "Tài Văn", "Xuân Hòa");

    static List<Subject> subjects() {
        List<Subject> subjects = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            String type = i == 0 ? "ENTERPRISE" : i % 3 == 0 ? "ENTERPRISE" : i % 3 == 1 ? "COOPERATIVE" : "HOUSEHOLD_BUSINESS";
            String name = switch (type) {
                case "ENTERPRISE" -> i == 0 ? "Doanh nghiệp tư nhân Hồ Quang" : "Công ty TNHH " + BRANDS.get(i);
                case "COOPERATIVE" -> "Hợp tác xã " + BRANDS.get(i);
                default -> "Hộ kinh doanh " + BRANDS.get(i);
            };
            String code = i == 0 ? "2200112233" : type.equals("HOUSEHOLD_BUSINESS")
                    ? String.format(Locale.ROOT, "59A80%05d", i) : String.format(Locale.ROOT, "22005000%02d", i);
            subjects.add(new Subject(i, name, type, code));
        }
        return subjects;
    }

    /** The registry as it stands today in Vietnam. */
    static List<Entry> entries() {
        return entries(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
    }

    /**
     * The registry on {@code today}: certificates were first issued in 2024 and are valid 36 months; one whose validity
     * has run out by then has been renewed (same number, issued again the day it expired), as the province renews them,
     * so that the demo stays valid whenever it is loaded. A renewal after July 2025 names no former district.
     */
    static List<Entry> entries(LocalDate today) {
        List<Subject> subjects = subjects();
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        entries.add(new Entry(0, "OCOP-ST-2019-0001", "Gạo ST25 Ông Cua", new Kind("Gạo ST25", "FOOD", "Gạo", 220_000, "túi",
                "Túi 5 kg", 5100), subjects.getFirst(), 5, renewed(LocalDate.of(2024, 8, 20), today), "947", true));
        for (int i = 1; i < CERTIFICATES; i++) {
            Subject subject = subjects.get(i % SUBJECTS);
            Kind kind = KINDS.get((i * 7 + i / KINDS.size()) % KINDS.size());
            String name = kind.name() + " " + BRANDS.get(subject.index());
            for (int n = 2; !names.add(name); n++) {
                name = kind.name() + " " + BRANDS.get(subject.index()) + " loại " + n;
            }
            int stars = i <= 29 ? 4 : 3;
            LocalDate issued = LocalDate.of(2024, 1, 10).plusDays((i * 37L) % 700);
            entries.add(new Entry(i, String.format(Locale.ROOT, "OCOP-ST-%d-%04d", issued.getYear(), i + 1), name, kind, subject,
                    stars, renewed(issued, today), DISTRICTS.get(i % DISTRICTS.size()), i % 5 != 4));
        }
        return entries;
    }

    private static LocalDate renewed(LocalDate issued, LocalDate today) {
        LocalDate current = issued;
        while (!current.plusMonths(VALID_MONTHS).isAfter(today)) {
            current = current.plusMonths(VALID_MONTHS);
        }
        return current;
    }

    /** The registry as the trade office publishes it. */
    static String csv(Map<String, String> communeOfDistrict) {
        StringBuilder csv = new StringBuilder("so_chung_nhan,ten_san_pham,chu_the,ma_so_thue,so_sao,nhom_san_pham,cap_cong_nhan,"
                + "ngay_cong_nhan,ma_tinh,ma_xa,ma_huyen_cu\n");
        for (Entry e : entries()) {
            csv.append(String.join(",", e.number(), quote(e.productName()), quote(e.subject().name()), e.subject().businessCode(),
                    Integer.toString(e.stars()), e.kind().group(), e.stars() == 5 ? "CENTRAL" : "PROVINCE", e.issuedOn().toString(),
                    DemoData.CAN_THO, communeOfDistrict.get(e.legacyDistrict()),
                    e.issuedOn().isBefore(LocalDate.of(2025, 7, 1)) ? e.legacyDistrict() : "")).append('\n');
        }
        return csv.toString();
    }

    /**
     * Imports the registry, has every subject register and get verified, and lists and certifies the listed products.
     * Returns what it did, in two lines.
     */
    static List<String> load(Marketplace market, Marketplace.Session officer, Marketplace.Session st25Seller) {
        Map<String, String> communeOfDistrict = new HashMap<>();
        DISTRICTS.forEach(d -> communeOfDistrict.put(d, d.equals("947") ? DemoData.MY_XUYEN : market.currentCommunesOf(d).getFirst()));
        var report = market.importRegistry(officer, csv(communeOfDistrict));
        String imported = "  registry " + report.get("rows") + " certificates (" + report.get("created") + " new, "
                + report.get("updated") + " updated, " + report.get("errors") + " errors)";
        Map<Integer, Marketplace.Session> sellers = new HashMap<>();
        sellers.put(0, st25Seller);
        int listed = 0;
        for (Entry e : entries()) {
            if (!e.listed()) {
                continue;
            }
            Marketplace.Session seller = sellers.computeIfAbsent(e.subject().index(), i -> register(market, officer, e.subject(),
                    communeOfDistrict.get(e.legacyDistrict())));
            Map<String, Object> product = e.index() == 0 ? market.ensureProduct(seller, DemoData.st25Rice())
                    : market.ensureProduct(seller, product(e, communeOfDistrict.get(e.legacyDistrict())));
            market.ensureCertified(seller, officer, product.get("id"), e.number());
            listed++;
        }
        return List.of(imported, "  listed   " + listed + " of " + CERTIFICATES + " certified products, by " + sellers.size()
                + " verified sellers");
    }

    private static Marketplace.Session register(Marketplace market, Marketplace.Session officer, Subject subject, String commune) {
        var seller = market.ensureSeller(Map.of("displayName", subject.name(), "email", subject.email(), "phone", subject.phone(),
                "password", DemoData.SELLER_PASSWORD, "sellerType", subject.type(), "legalName", subject.name(),
                "provinceCode", DemoData.CAN_THO, "communeCode", commune));
        market.ensureVerified(officer, seller, Map.of("displayName", subject.name(), "sellerType", subject.type(),
                "legalName", subject.name(), "businessCode", subject.businessCode(), "representative", "Người đại diện " + subject.index(),
                "phone", subject.phone(), "address", Map.of("street", "Ấp " + (subject.index() + 1), "provinceCode", DemoData.CAN_THO,
                        "communeCode", commune)),
                Map.of("method", "BANK_ACCOUNT", "bankBin", "970405", "accountNumber",
                        String.format(Locale.ROOT, "76002051%05d", subject.index()), "accountName", subject.name()));
        return seller;
    }

    private static Map<String, Object> product(Entry e, String commune) {
        Kind k = e.kind();
        return Map.of("name", e.productName(), "ocopGroup", k.group(), "category", k.category(), "originCommuneCode", commune,
                "description", k.name() + " của " + e.subject().name() + ", sản phẩm OCOP " + e.stars() + " sao của Sóc Trăng.",
                "skus", List.of(Map.of("code", "SP-" + (e.index() + 1), "label", k.label(), "unit", k.unit(), "priceVnd", k.price(),
                        "weightGrams", k.grams(), "stock", 100 + (e.index() * 13) % 400)));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private DemoRegistry() {
    }
}
