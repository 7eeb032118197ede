package vn.ocop.orders.checkout;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.ocop.orders.api.CheckoutCancelled;
import vn.ocop.orders.api.CheckoutPlaced;
import vn.ocop.orders.catalogcopy.CatalogSku;
import vn.ocop.orders.catalogcopy.CatalogSkuRepository;
import vn.ocop.orders.catalogcopy.Commune;
import vn.ocop.orders.catalogcopy.CommuneRepository;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.idempotency.IdempotentRequests;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;

/**
 * Places checkouts: prices every line from orders' copy of the catalogue, splits them into one order per seller with
 * its shipping fee, and records the checkout, its orders, the Idempotency-Key's response and {@code CheckoutPlaced}
 * in one transaction.
 */
@Singleton
class Checkouts {

    /**
     * The response to a placement: the new checkout and its revision (its ETag), or the stored first response for a
     * repeated key (no checkout id then: the first response told it).
     */
    record Placement(HttpStatus status, Object body, @Nullable UUID checkoutId, long revision) {
    }

    private final CatalogSkuRepository catalog;
    private final CommuneRepository communes;
    private final OrderLog orderLog;
    private final CheckoutSaga saga;
    private final Repositories.Checkouts checkouts;
    private final Repositories.Orders orders;
    private final Repositories.Lines lines;
    private final Repositories.History history;
    private final IdempotentRequests idempotency;
    private final Outbox outbox;
    private final ShippingFees shipping;
    private final Clock clock;
    private final Set<PaymentMethod> methods;

    Checkouts(CatalogSkuRepository catalog, CommuneRepository communes, OrderLog orderLog, CheckoutSaga saga,
              Repositories.Checkouts checkouts, Repositories.Orders orders,
              Repositories.Lines lines, Repositories.History history, IdempotentRequests idempotency, Outbox outbox,
              ShippingFees shipping, Clock clock,
              @Value("${ocop.orders.payment-methods:VNPAY,VIETQR,COD}") Set<PaymentMethod> methods) {
        this.catalog = catalog;
        this.communes = communes;
        this.orderLog = orderLog;
        this.saga = saga;
        this.checkouts = checkouts;
        this.orders = orders;
        this.lines = lines;
        this.history = history;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.shipping = shipping;
        this.clock = clock;
        this.methods = methods;
    }

    @Transactional
    Placement place(UUID buyerId, String idempotencyKey, CheckoutRequest request, @Nullable String buyerIp) {
        String scope = "checkout:" + buyerId;
        var earlier = idempotency.claim(scope, idempotencyKey, request);
        if (earlier.isPresent()) {
            return new Placement(HttpStatus.valueOf(earlier.get().status()), earlier.get().body(), null, 0);
        }
        if (!methods.contains(request.paymentMethod())) {
            throw ProblemException.unprocessable("payment_method_unsupported", "Payment method {0} is not available",
                    request.paymentMethod());
        }
        Map<UUID, CatalogSku> skus = catalog.findBySkuIdIn(request.lines().stream().map(CheckoutRequest.Line::skuId).toList())
                .stream().collect(Collectors.toMap(CatalogSku::skuId, Function.identity()));
        requireOnSale(request, skus);
        requireKnownAddress(request.shippingAddress());

        Instant now = Instant.now(clock);
        UUID checkoutId = Ids.newId();
        String number = PublicNumbers.checkout();
        Map<UUID, List<CheckoutRequest.Line>> bySeller = new LinkedHashMap<>();
        request.lines().forEach(l -> bySeller.computeIfAbsent(skus.get(l.skuId()).sellerId(), s -> new ArrayList<>()).add(l));

        List<SellerOrder> placedOrders = new ArrayList<>();
        Map<UUID, List<OrderLine>> placedLines = new LinkedHashMap<>();
        int n = 0;
        for (var entry : bySeller.entrySet()) {
            UUID orderId = Ids.newId();
            List<OrderLine> orderLines = new ArrayList<>();
            int weight = 0;
            for (CheckoutRequest.Line line : entry.getValue()) {
                CatalogSku sku = skus.get(line.skuId());
                orderLines.add(new OrderLine(new OrderLine.Key(orderId, orderLines.size() + 1), sku.skuId(), sku.productId(),
                        sku.productName(), sku.label(), line.quantity(), sku.priceVnd(),
                        Math.multiplyExact(sku.priceVnd(), (long) line.quantity()), null));
                weight = Math.addExact(weight, Math.multiplyExact(sku.weightGrams(), line.quantity()));
            }
            long subtotal = orderLines.stream().mapToLong(OrderLine::lineTotalVnd).sum();
            long fee = shipping.feeFor(skus.get(entry.getValue().get(0).skuId()).sellerProvinceCode(),
                    request.shippingAddress().provinceCode(), weight);
            CatalogSku first = skus.get(entry.getValue().get(0).skuId());
            placedOrders.add(new SellerOrder(orderId, checkoutId, buyerId, PublicNumbers.order(number, ++n), entry.getKey(),
                    first.sellerName(), first.sellerProvinceCode(), request.paymentMethod(), OrderStatus.PENDING_STOCK,
                    subtotal, fee, subtotal + fee, weight, null, null, null, null, null, null, null, null, null, 0, now, now, 0));
            placedLines.put(orderId, orderLines);
        }
        long subtotal = placedOrders.stream().mapToLong(SellerOrder::subtotalVnd).sum();
        long shippingTotal = placedOrders.stream().mapToLong(SellerOrder::shippingVnd).sum();
        var address = request.shippingAddress();
        Checkout checkout = checkouts.save(new Checkout(checkoutId, number, buyerId, CheckoutStatus.PENDING_STOCK,
                request.paymentMethod(), subtotal, shippingTotal, subtotal + shippingTotal, address.recipientName().strip(),
                address.phone(), address.street().strip(), address.communeCode(), address.provinceCode(), buyerIp, null, null,
                null, null, null, null, null, null, null, null, now, now, 0));
        orderLog.placed(orders.saveAll(placedOrders));
        lines.saveAll(placedLines.values().stream().flatMap(List::stream).toList());
        history.save(new CheckoutChange(null, checkoutId, null, CheckoutStatus.PENDING_STOCK, "placed by buyer", now));
        outbox.publish(CheckoutPlaced.TYPE, CheckoutPlaced.VERSION, checkoutId.toString(),
                CheckoutEvents.placed(checkout, placedOrders, placedLines));

        CheckoutView view = CheckoutView.of(checkout, placedOrders, placedLines);
        idempotency.complete(scope, idempotencyKey, HttpStatus.CREATED, view);
        return new Placement(HttpStatus.CREATED, view, checkoutId,
                checkout.version() + placedOrders.stream().mapToLong(SellerOrder::version).sum());
    }

    /** The buyer cancels a checkout that is not paid (or confirmed) yet. */
    @Transactional
    void cancel(UUID checkoutId, Caller caller) {
        Checkout checkout = checkouts.findById(checkoutId).filter(c -> c.buyerId().equals(caller.accountId()))
                .orElseThrow(() -> ProblemException.notFound("checkout_not_found", "No checkout {0}", checkoutId));
        saga.cancel(checkoutId, CheckoutCancelled.BY_BUYER, "cancelled by buyer", Actor.buyer(caller))
                .orElseThrow(() -> ProblemException.conflict("checkout_status_conflict",
                        "Checkout {0} is {1} and can no longer be cancelled as a whole", checkout.number(),
                        checkouts.findById(checkoutId).map(Checkout::status).orElse(checkout.status())));
    }

    /** The commune must be one of the official post-2025 list (as catalog published it), in the given province. */
    private void requireKnownAddress(CheckoutRequest.ShippingAddress address) {
        Commune commune = communes.findById(address.communeCode()).orElse(null);
        if (commune == null) {
            if (communes.edition().isEmpty()) {
                throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "admin_units_unavailable",
                        "The official list of communes has not reached the orders service yet; try again shortly");
            }
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "address_unknown",
                    List.of(new Problem.FieldError("shippingAddress.communeCode", "is not an official commune")),
                    "Commune {0} is not in the official list of communes", address.communeCode());
        }
        if (!commune.provinceCode().equals(address.provinceCode())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "address_unknown",
                    List.of(new Problem.FieldError("shippingAddress.provinceCode", "is not the province of commune "
                            + commune.code() + " (" + commune.name() + ")")),
                    "Commune {0} is not in province {1}", address.communeCode(), address.provinceCode());
        }
    }

    private static void requireOnSale(CheckoutRequest request, Map<UUID, CatalogSku> skus) {
        List<Problem.FieldError> unavailable = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            CatalogSku sku = skus.get(request.lines().get(i).skuId());
            if (sku == null || !sku.available()) {
                unavailable.add(new Problem.FieldError("lines[" + i + "].skuId", "is not a product on sale"));
            }
        }
        if (!unavailable.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "product_unavailable", unavailable,
                    "Some lines are not products on sale");
        }
    }
}
