package vn.ocop.loadtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The benchmark's own corner of the marketplace, set up through the public APIs before the load starts: a seller
 * registers, the demo officer verifies it, it lists and publishes one product whose single SKU holds far more stock
 * than any run sells, and N buyers register and log in once each (login runs Argon2id; the tokens are reused).
 * Every run makes new accounts (their e-mails carry the run id), so runs never depend on each other.
 */
final class BenchmarkMarket {

    /** Ten million: the most one SKU may hold, and far more than a run sells. */
    static final int STOCK = 10_000_000;
    static final long PRICE_VND = 185_000;
    /** The benchmark seller's province and commune: Cần Thơ, Phường Mỹ Xuyên (the demo officer's province). */
    private static final String PROVINCE = "92";
    private static final String COMMUNE = "31684";
    private static final String PASSWORD = "Benchmark-2025!";

    /** A buyer with an access token. */
    record Buyer(String accountId, String email, String token) {
    }

    /**
     * What the scenario needs.
     *
     * @param checkoutBody the JSON body of a checkout of one bag of the benchmark SKU, the same for every purchase
     */
    record Prepared(String runId, String sellerId, String productId, String skuId, List<Buyer> buyers, String checkoutBody) {
    }

    private final Settings settings;
    private final JsonApi api = new JsonApi();
    private final ObjectMapper json = new ObjectMapper();
    private final String runId = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
            + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);

    BenchmarkMarket(Settings settings) {
        this.settings = settings;
    }

    /** A seller verified by the demo officer, and its published product (with that GTIN, when given). */
    record Listed(Buyer seller, String productId, String skuId) {
    }

    Prepared prepare() {
        Listed listed = listedProduct(null);
        List<Buyer> buyers = new ArrayList<>();
        for (int i = 1; i <= settings.buyers(); i++) {
            String email = String.format("bench.%s.b%03d@loadtest.ocop.local", runId, i);
            api.post(settings.identity() + "/api/v1/auth/register", Map.of("displayName", "Người mua thử " + i, "email", email,
                    "password", PASSWORD), null).requireOk("registering buyer " + email);
            buyers.add(login(email, PASSWORD));
        }
        String checkoutBody = checkoutBody(listed.skuId());
        awaitOrdersKnowsProduct(buyers.getFirst(), checkoutBody);
        return new Prepared(runId, listed.seller().accountId(), listed.productId(), listed.skuId(), List.copyOf(buyers),
                checkoutBody);
    }

    /** Registers a seller, has the demo officer verify it, and lists and publishes one product (with {@code gtin} if given). */
    Listed listedProduct(String gtin) {
        var officer = login(settings.officer(), settings.officerPassword());
        String sellerEmail = "bench." + runId + ".seller@loadtest.ocop.local";
        api.post(settings.identity() + "/api/v1/auth/register/seller", Map.of("displayName", "HTX Benchmark " + runId,
                "email", sellerEmail, "password", PASSWORD, "sellerType", "COOPERATIVE",
                "legalName", "Hợp tác xã Benchmark " + runId, "provinceCode", PROVINCE, "communeCode", COMMUNE), null)
                .requireOk("registering the benchmark seller");
        var seller = login(sellerEmail, PASSWORD);

        await("catalog to learn of the benchmark seller", () -> {
            var r = api.get(settings.catalog() + "/api/v1/sellers/" + seller.accountId(), officer.token());
            return r.ok() ? r : null;
        });
        api.put(settings.catalog() + "/api/v1/sellers/" + seller.accountId() + "/profile", Map.of(
                "displayName", "HTX Benchmark " + runId, "sellerType", "COOPERATIVE", "legalName", "Hợp tác xã Benchmark " + runId,
                "businessCode", "2200999999", "representative", "Người đo tải", "phone", "0912999999",
                "address", Map.of("street", "Ấp Benchmark", "provinceCode", PROVINCE, "communeCode", COMMUNE)), seller.token())
                .requireOk("completing the benchmark seller's profile");
        api.put(settings.catalog() + "/api/v1/sellers/" + seller.accountId() + "/payout-account", Map.of(
                "method", "BANK_ACCOUNT", "bankBin", "970436", "accountNumber", "0071000999999", "accountName", "HTX Benchmark"),
                seller.token()).requireOk("setting the benchmark seller's payout account");
        api.post(settings.catalog() + "/api/v1/sellers/" + seller.accountId() + "/decisions", Map.of("decision", "VERIFY"),
                officer.token()).requireOk("verifying the benchmark seller");

        Map<String, Object> details = new HashMap<>(Map.of(
                "name", "Gạo ST25 benchmark " + runId, "ocopGroup", "FOOD", "originCommuneCode", COMMUNE,
                "description", "Sản phẩm của bài đo tải " + runId + " (không bán thật).",
                "skus", List.of(Map.of("code", "BENCH-5KG", "label", "Túi 5 kg", "unit", "túi", "priceVnd", PRICE_VND,
                        "weightGrams", 5100, "stock", STOCK))));
        if (gtin != null) {
            details.put("gtin", gtin);
        }
        var product = api.post(settings.catalog() + "/api/v1/products", details, seller.token());
        product.require(product.status() == 201, "creating the benchmark product");
        String productId = product.text("id");
        var published = api.post(settings.catalog() + "/api/v1/products/" + productId + "/publish", null, seller.token())
                .requireOk("publishing the benchmark product");
        return new Listed(seller, productId, published.body().path("skus").path(0).path("id").asText());
    }

    String runId() {
        return runId;
    }

    Buyer login(String login, String password) {
        var reply = api.post(settings.identity() + "/api/v1/auth/login", Map.of("login", login, "password", password), null)
                .requireOk("login of " + login);
        return new Buyer(reply.text("accountId"), login, reply.text("accessToken"));
    }

    /**
     * Orders learns of a newly published product from catalog's events, within milliseconds; until then it answers 422
     * {@code product_unavailable}. One checkout placed before the run (and left unpaid: it expires) shows it knows.
     */
    private void awaitOrdersKnowsProduct(Buyer buyer, String checkoutBody) {
        String key = UUID.randomUUID().toString();
        var placed = await("orders to accept checkouts of the benchmark product", () -> {
            var r = api.post(settings.orders() + "/api/v1/checkouts", readTree(checkoutBody), buyer.token(),
                    Map.of("Idempotency-Key", key));
            return r.status() == 422 && "product_unavailable".equals(r.text("code")) ? null : r;
        });
        placed.require(placed.status() == 201, "the probe checkout");
    }

    private String checkoutBody(String skuId) {
        try {
            return json.writeValueAsString(Map.of(
                    "lines", List.of(Map.of("skuId", skuId, "quantity", 1)),
                    "paymentMethod", "VNPAY",
                    "shippingAddress", Map.of("recipientName", "Nguyễn Văn Thử", "phone", "0987000099",
                            "street", "12 Lý Thường Kiệt", "communeCode", "00004", "provinceCode", "01")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object readTree(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T await(String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        long pause = 20;
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("gave up after 30 s waiting for " + what);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
            pause = Math.min(pause * 2, 250);
        }
    }
}
