package vn.ocop.deploy;

import io.micronaut.http.HttpRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marketplace's main flows as a user performs them through the public APIs: accounts, seller verification,
 * listing, checkout, paying through the VNPay stand-in, registering a lot. Used by the demo-data loader and by the
 * end-to-end scenarios. Steps named {@code ensure...} can run again without creating duplicates.
 */
public final class Marketplace {

    private static final Pattern PAYMENT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?payment\"?");

    private final Api api;
    private final Duration patience;

    public Marketplace(Api api, Duration patience) {
        this.api = api;
        this.patience = patience;
    }

    /** A logged-in account. */
    public record Session(UUID accountId, String accessToken) {
    }

    public Session login(String login, String password) {
        var response = api.post(api.urls().identity(), "/api/v1/auth/login", Map.of("login", login, "password", password), null);
        require(response.ok(), "login of " + login, response);
        return new Session(UUID.fromString(response.text("accountId")), response.text("accessToken"));
    }

    /** An officer or helper account created by an admin, then logged in. */
    public Session ensureStaff(Session admin, String role, String email, String password, String name, String province) {
        var response = api.post(api.urls().identity(), "/api/v1/admin/accounts", Map.of("role", role, "email", email,
                "password", password, "displayName", name, "provinceCode", province), admin.accessToken());
        require(response.ok() || response.status() == 409, "creating " + role + " " + email, response);
        return login(email, password);
    }

    /** A buyer who registered, then logged in. */
    public Session ensureBuyer(String phone, String email, String password, String name) {
        var response = api.post(api.urls().identity(), "/api/v1/auth/register",
                Map.of("displayName", name, "phone", phone, "email", email, "password", password), null);
        require(response.ok() || response.status() == 409, "registering buyer " + email, response);
        return login(email, password);
    }

    /** A seller who registered with their business details, then logged in. */
    public Session ensureSeller(Map<String, Object> registration) {
        var response = api.post(api.urls().identity(), "/api/v1/auth/register/seller", registration, null);
        require(response.ok() || response.status() == 409, "registering seller " + registration.get("email"), response);
        return login((String) registration.get("email"), (String) registration.get("password"));
    }

    /**
     * Waits until catalog knows the seller, has the seller complete its profile and payout account (an officer verifies
     * only a complete profile), then has the officer verify it unless it already is.
     */
    public Map<String, Object> ensureVerified(Session officer, Session sellerSession, Map<String, Object> profile,
                                              Map<String, Object> payout) {
        UUID sellerId = sellerSession.accountId();
        var seller = Await.until("catalog to learn of seller " + sellerId, patience, () -> {
            var r = api.get(api.urls().catalog(), "/api/v1/sellers/" + sellerId, officer.accessToken());
            return r.ok() ? Optional.of(r.body()) : Optional.empty();
        });
        if (seller.get("payout") == null) {
            var saved = api.send(api.urls().catalog(), HttpRequest.PUT("/api/v1/sellers/" + sellerId + "/profile", profile),
                    sellerSession.accessToken());
            require(saved.ok(), "completing the profile of seller " + sellerId, saved);
            var paid = api.send(api.urls().catalog(), HttpRequest.PUT("/api/v1/sellers/" + sellerId + "/payout-account", payout),
                    sellerSession.accessToken());
            require(paid.ok(), "setting the payout account of seller " + sellerId, paid);
            seller = paid.body(); // a seller verified before its profile was complete goes back to the officer
        }
        if ("VERIFIED".equals(seller.get("status"))) {
            return seller;
        }
        var response = api.post(api.urls().catalog(), "/api/v1/sellers/" + sellerId + "/decisions", Map.of("decision", "VERIFY"),
                officer.accessToken());
        require(response.ok(), "verifying seller " + sellerId, response);
        return response.body();
    }

    /** The seller's published product of that name (its full view, with SKUs), created and published when not listed yet. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> ensureProduct(Session seller, Map<String, Object> product) {
        String name = (String) product.get("name");
        String sellerId = seller.accountId().toString();
        var listed = api.get(api.urls().catalog(), "/api/v1/products?limit=100&seller=" + sellerId + "&q=" + encode(name), null);
        require(listed.ok(), "searching products", listed);
        var existing = ((List<Map<String, Object>>) listed.get("items")).stream()
                .filter(p -> name.equals(p.get("name")) && sellerId.equals(p.get("sellerId")))
                .findFirst();
        if (existing.isPresent()) {
            var view = api.get(api.urls().catalog(), "/api/v1/products/" + existing.get().get("productId"), null);
            require(view.ok(), "reading product " + name, view);
            return view.body();
        }
        var created = api.post(api.urls().catalog(), "/api/v1/products", product, seller.accessToken());
        require(created.status() == 201, "creating product " + name, created);
        var published = api.post(api.urls().catalog(), "/api/v1/products/" + created.text("id") + "/publish", null,
                seller.accessToken());
        require(published.ok(), "publishing product " + name, published);
        return published.body();
    }

    /**
     * Places a checkout. Orders learns of a newly published product within milliseconds; until then it answers 422, so
     * the placement is retried (with the same Idempotency-Key) for a little while.
     */
    public Api.Response checkout(Session buyer, Map<String, Object> request, String idempotencyKey) {
        return Await.until("orders to accept the checkout", patience, () -> {
            var response = api.send(api.urls().orders(), HttpRequest.POST("/api/v1/checkouts", request)
                    .header("Idempotency-Key", idempotencyKey), buyer.accessToken());
            boolean notYetKnown = response.status() == 422 && "product_unavailable".equals(response.text("code"));
            return notYetKnown ? Optional.empty() : Optional.of(response);
        });
    }

    public Map<String, Object> checkoutView(Session buyer, Object checkoutId) {
        var response = api.get(api.urls().orders(), "/api/v1/checkouts/" + checkoutId, buyer.accessToken());
        require(response.ok(), "reading checkout " + checkoutId, response);
        return response.body();
    }

    /** Waits until the checkout shows where to pay; returns that URL. */
    @SuppressWarnings("unchecked")
    public String awaitPaymentUrl(Session buyer, Object checkoutId) {
        return Await.until("the payment link of checkout " + checkoutId, patience, () -> {
            var payment = (Map<String, Object>) checkoutView(buyer, checkoutId).get("payment");
            var action = (Map<String, Object>) payment.get("action");
            return Optional.ofNullable(action == null ? null : (String) action.get("url"));
        });
    }

    public Map<String, Object> awaitStatus(Session buyer, Object checkoutId, String status) {
        return Await.until("checkout " + checkoutId + " to be " + status, patience, () -> {
            var view = checkoutView(buyer, checkoutId);
            return status.equals(view.get("status")) ? Optional.of(view) : Optional.empty();
        });
    }

    /**
     * Pays as a buyer would at VNPay, using the local stand-in: open the payment page, follow its pay link. The stand-in
     * then calls the payments service's IPN endpoint exactly as VNPay does and redirects the buyer to the return page.
     */
    public void payWithStandIn(String payUrl) {
        payAtStandIn(payUrl, openStandIn(payUrl));
    }

    /** Opens the stand-in's payment page for the pay URL, as the buyer's browser does; returns the page's pay link. */
    public String openStandIn(String payUrl) {
        var page = fetch(payUrl);
        require(page.ok(), "opening the VNPay stand-in page", page);
        return page.headers().getAll("Link").stream()
                .map(PAYMENT_LINK::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the stand-in page has no payment link"));
    }

    /** Confirms the payment on a page opened earlier: the stand-in notifies our IPN and redirects the buyer back. */
    public void payAtStandIn(String payUrl, String payLink) {
        var paid = fetch(URI.create(payUrl).resolve(payLink).toString());
        require(paid.status() == 302 || paid.ok(), "paying at the VNPay stand-in", paid);
    }

    /** Registers a lot of the seller's product (traceability learns of the product from catalog's events). */
    public Api.Response registerLot(Session seller, Map<String, Object> lot) {
        return Await.until("traceability to accept the lot", patience, () -> {
            var response = api.post(api.urls().traceability(), "/api/v1/lots", lot, seller.accessToken());
            boolean notYetKnown = response.status() == 422 && "product_unknown".equals(response.text("code"));
            return notYetKnown ? Optional.empty() : Optional.of(response);
        });
    }

    /** An officer imports the registry list (CSV); importing the same list again changes nothing. Returns the report. */
    public Map<String, Object> importRegistry(Session officer, String csv) {
        var response = api.send(api.urls().catalog(), HttpRequest.POST("/api/v1/ocop/certificates/imports",
                csv.getBytes(StandardCharsets.UTF_8)).contentType("text/csv"), officer.accessToken());
        require(response.ok(), "importing the OCOP registry", response);
        return response.body();
    }

    /** The seller claims the certificate for its product and the officer approves, unless that is done already. */
    @SuppressWarnings("unchecked")
    public void ensureCertified(Session seller, Session officer, Object productId, String certificateNumber) {
        var view = api.get(api.urls().catalog(), "/api/v1/products/" + productId, seller.accessToken());
        require(view.ok(), "reading product " + productId, view);
        var claim = (Map<String, Object>) view.get("certificateClaim");
        boolean claimed = claim != null && certificateNumber.equals(claim.get("certificateNumber"));
        if (claimed && "APPROVED".equals(claim.get("status"))) {
            return;
        }
        if (!claimed || "REJECTED".equals(claim.get("status"))) {
            var response = api.post(api.urls().catalog(), "/api/v1/products/" + productId + "/certificate-claim",
                    Map.of("certificateNumber", certificateNumber), seller.accessToken());
            require(response.ok(), "claiming certificate " + certificateNumber, response);
        }
        var decision = api.post(api.urls().catalog(), "/api/v1/products/" + productId + "/certificate-claim/decision",
                Map.of("decision", "APPROVE"), officer.accessToken());
        require(decision.ok(), "approving certificate " + certificateNumber, decision);
    }

    /** The current communes that hold a former district (e.g. Huyện Mỹ Xuyên, 947). */
    @SuppressWarnings("unchecked")
    public List<String> currentCommunesOf(String legacyDistrictCode) {
        var response = api.get(api.urls().catalog(), "/api/v1/admin-units/legacy-districts/" + legacyDistrictCode, null);
        require(response.ok(), "reading former district " + legacyDistrictCode, response);
        return ((List<Map<String, Object>>) response.get("currentCommunes")).stream().map(c -> (String) c.get("code")).toList();
    }

    /** GET of an absolute URL on one of the services. */
    public Api.Response fetch(String absoluteUrl) {
        URI uri = URI.create(absoluteUrl);
        URI base = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return api.get(base, path, null);
    }

    static void require(boolean condition, String what, Api.Response response) {
        if (!condition) {
            throw new IllegalStateException(what + " failed: HTTP " + response.status() + " " + response.body());
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(Objects.requireNonNull(text), StandardCharsets.UTF_8);
    }
}
