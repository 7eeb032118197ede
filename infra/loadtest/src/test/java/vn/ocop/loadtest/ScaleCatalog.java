package vn.ocop.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fills the catalogue to a benchmark's scale through the public APIs, as sellers would: 20 verified sellers (fixed
 * accounts, so running it again only tops the catalogue up) list {@code products} products in all (default 20,000),
 * eight at a time. Names mix thirty kinds of OCOP product with forty brands; one product in twenty is an ST25 rice,
 * so a search for "gạo ST25" has about a thousand matches to rank and count. One in ten is sold out.
 *
 * <p>Run by {@code infra/loadtest/catalog-benchmark}; settings are system properties (see {@link Settings}) plus
 * {@code products}.
 */
public final class ScaleCatalog {

    static final int SELLERS = 20;
    private static final String PASSWORD = "Benchmark-2025!";
    private static final String PROVINCE = "92";

    private static final List<String[]> KINDS = List.of(
            new String[] {"Gạo ST24", "FOOD", "Gạo"}, new String[] {"Gạo thơm lài", "FOOD", "Gạo"},
            new String[] {"Bánh pía sầu riêng", "FOOD", "Bánh"}, new String[] {"Bánh pía đậu xanh", "FOOD", "Bánh"},
            new String[] {"Lạp xưởng tươi", "FOOD", "Thịt chế biến"}, new String[] {"Tôm khô", "FOOD", "Thủy sản khô"},
            new String[] {"Khô cá lóc", "FOOD", "Thủy sản khô"}, new String[] {"Mắm cá linh", "FOOD", "Mắm"},
            new String[] {"Nước mắm cá cơm", "FOOD", "Nước mắm"}, new String[] {"Hành tím", "FOOD", "Nông sản"},
            new String[] {"Mật ong hoa tràm", "FOOD", "Mật ong"}, new String[] {"Mè đen rang", "FOOD", "Hạt"},
            new String[] {"Kẹo dừa", "FOOD", "Bánh kẹo"}, new String[] {"Bưởi năm roi", "FOOD", "Trái cây"},
            new String[] {"Xoài cát Hòa Lộc", "FOOD", "Trái cây"}, new String[] {"Cà phê Robusta", "BEVERAGES", "Cà phê"},
            new String[] {"Trà mãng cầu", "BEVERAGES", "Trà"}, new String[] {"Rượu nếp than", "BEVERAGES", "Rượu"},
            new String[] {"Trà sen", "BEVERAGES", "Trà"}, new String[] {"Tinh dầu tràm", "HERBAL", "Tinh dầu"},
            new String[] {"Tinh bột nghệ", "HERBAL", "Dược liệu"}, new String[] {"Cao dược liệu", "HERBAL", "Dược liệu"},
            new String[] {"Túi xách lục bình", "HANDICRAFTS", "Đan lát"}, new String[] {"Chiếu cói", "HANDICRAFTS", "Đan lát"},
            new String[] {"Nón lá", "HANDICRAFTS", "Thủ công"}, new String[] {"Gốm đỏ", "HANDICRAFTS", "Gốm"},
            new String[] {"Mai vàng", "ORNAMENTALS", "Cây cảnh"}, new String[] {"Lan hồ điệp", "ORNAMENTALS", "Hoa"},
            new String[] {"Tour miệt vườn", "TOURISM", "Du lịch cộng đồng"}, new String[] {"Homestay sinh thái", "TOURISM", "Lưu trú"});
    private static final List<String> BRANDS = List.of("Phú Lộc", "Tân Huê Viên", "Mỹ Hương", "Vĩnh Châu", "Cù Lao Dung",
            "Kế Sách", "Long Phú", "Mỹ Tú", "Thạnh Trị", "Trần Đề", "Ngã Năm", "Đại Ngãi", "Phú Tâm", "An Lạc Thôn", "Hòa Tú",
            "Nhu Gia", "Lai Hòa", "Vĩnh Hải", "Hưng Lợi", "Thuận Hòa", "Mỹ Phước", "Long Hưng", "Ba Trinh", "Thiện Mỹ", "An Hiệp",
            "Phong Nẫm", "Tài Văn", "Xuân Hòa", "Cái Răng", "Ninh Kiều", "Phong Điền", "Ô Môn", "Thốt Nốt", "Cờ Đỏ", "Vị Thanh",
            "Ngã Bảy", "Long Mỹ", "Phụng Hiệp", "Châu Thành", "Đồng Tháp");

    private final Settings settings = Settings.fromSystemProperties();
    private final JsonApi api = new JsonApi();
    private final BenchmarkMarket market = new BenchmarkMarket(settings);

    public static void main(String[] args) throws Exception {
        new ScaleCatalog().fill(Integer.getInteger("products", 20_000));
    }

    void fill(int target) throws Exception {
        var officer = market.login(settings.officer(), settings.officerPassword());
        List<String> communes = new ArrayList<>();
        api.get(settings.catalog() + "/api/v1/admin-units/provinces/" + PROVINCE + "/communes", null).requireOk("communes")
                .body().forEach(c -> communes.add(c.path("code").asText()));
        int perSeller = (target + SELLERS - 1) / SELLERS;
        AtomicInteger created = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> work = new ArrayList<>();
            for (int s = 0; s < SELLERS; s++) {
                var seller = seller(s, officer);
                int have = api.get(settings.catalog() + "/api/v1/products?limit=1&seller=" + seller.accountId(), null)
                        .requireOk("counting products").body().path("total").asInt();
                for (int i = have; i < perSeller; i++) {
                    int n = s * perSeller + i;
                    work.add(pool.submit(() -> {
                        create(seller, n, communes.get(n % communes.size()));
                        int done = created.incrementAndGet();
                        if (done % 1000 == 0) {
                            System.out.printf(Locale.ROOT, "%d products created (%.0f/s)%n", done,
                                    done / ((System.nanoTime() - started) / 1e9));
                        }
                    }));
                }
            }
            for (Future<?> f : work) {
                f.get();
            }
        }
        System.out.printf(Locale.ROOT, "catalogue at scale: %d products created now, %d sellers x %d products%n",
                created.get(), SELLERS, perSeller);
    }

    private void create(BenchmarkMarket.Buyer seller, int n, String commune) {
        String[] kind = KINDS.get(n % KINDS.size());
        String brand = BRANDS.get((n / KINDS.size()) % BRANDS.size());
        boolean rice = n % 20 == 0;
        String name = (rice ? "Gạo ST25 " : kind[0] + " ") + brand + " " + (n / (KINDS.size() * BRANDS.size()) + 1);
        long price = 20_000 + (n * 7919L) % 480_000 / 1000 * 1000;
        var product = api.post(settings.catalog() + "/api/v1/products", Map.of(
                "name", name, "ocopGroup", rice ? "FOOD" : kind[1], "category", rice ? "Gạo" : kind[2],
                "originCommuneCode", commune,
                "description", (rice ? "Gạo ST25" : kind[0]) + " của " + brand + ", sản phẩm đặc sản vùng Đồng bằng sông Cửu Long.",
                "skus", List.of(Map.of("code", "SKU-" + n, "label", "Gói tiêu chuẩn", "unit", "gói", "priceVnd", price,
                        "weightGrams", 500 + n % 5000, "stock", n % 10 == 9 ? 0 : 50 + n % 500))), seller.token());
        product.require(product.status() == 201, "creating product " + name);
        api.post(settings.catalog() + "/api/v1/products/" + product.text("id") + "/publish", null, seller.token())
                .requireOk("publishing product " + name);
    }

    private BenchmarkMarket.Buyer seller(int s, BenchmarkMarket.Buyer officer) {
        String email = String.format(Locale.ROOT, "scale.s%02d@loadtest.ocop.local", s);
        String name = "HTX Quy mô " + (s + 1);
        var registered = api.post(settings.identity() + "/api/v1/auth/register/seller", Map.of("displayName", name, "email", email,
                "password", PASSWORD, "sellerType", "COOPERATIVE", "legalName", "Hợp tác xã " + name, "provinceCode", PROVINCE,
                "communeCode", "31684"), null);
        registered.require(registered.ok() || registered.status() == 409, "registering " + email);
        var seller = market.login(email, PASSWORD);
        var known = BenchmarkMarket.await("catalog to learn of " + email, () -> {
            var r = api.get(settings.catalog() + "/api/v1/sellers/" + seller.accountId(), officer.token());
            return r.ok() ? r : null;
        });
        if (!"VERIFIED".equals(known.text("status"))) {
            api.put(settings.catalog() + "/api/v1/sellers/" + seller.accountId() + "/profile", Map.of("displayName", name,
                    "sellerType", "COOPERATIVE", "legalName", "Hợp tác xã " + name, "businessCode",
                    String.format(Locale.ROOT, "22009900%02d", s), "representative", "Người đại diện " + (s + 1),
                    "phone", String.format(Locale.ROOT, "09149900%02d", s),
                    "address", Map.of("street", "Ấp " + (s + 1), "provinceCode", PROVINCE, "communeCode", "31684")), seller.token())
                    .requireOk("profile of " + email);
            api.put(settings.catalog() + "/api/v1/sellers/" + seller.accountId() + "/payout-account", Map.of("method", "MOBILE_WALLET",
                    "wallet", "MOMO", "walletPhone", String.format(Locale.ROOT, "09149900%02d", s)), seller.token())
                    .requireOk("payout account of " + email);
            api.post(settings.catalog() + "/api/v1/sellers/" + seller.accountId() + "/decisions", Map.of("decision", "VERIFY"),
                    officer.token()).requireOk("verifying " + email);
        }
        return seller;
    }
}
