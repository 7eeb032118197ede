package vn.ocop.orders.checkout;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.ocop.payments.api.PaymentMethod;

/** A checkout as its buyer sees it, with what to do next to pay. */
@Serdeable
record CheckoutView(UUID id, String number, CheckoutStatus status, long subtotalVnd, long shippingVnd, long totalVnd,
                    Payment payment, @Nullable String rejectionReason,
                    @Nullable String cancelReason, List<Order> orders, Instant createdAt) {

    /**
     * The payment side.
     *
     * @param method    how the buyer pays
     * @param payBefore until when the stock is held
     * @param action    what to do to pay, once payments has opened a session
     * @param failure   the last failed attempt, if any
     * @param paidAt    when it was paid
     */
    @Serdeable
    record Payment(PaymentMethod method, @Nullable Instant payBefore, @Nullable Action action, @Nullable String failure,
                   @Nullable Instant paidAt) {
    }

    @Serdeable
    record Action(String kind, @Nullable String url, @Nullable String qrPayload) {
    }

    @Serdeable
    record Order(UUID id, String number, UUID sellerId, OrderStatus status, long subtotalVnd, long shippingVnd,
                 long totalVnd, List<Line> lines) {
    }

    @Serdeable
    record Line(UUID skuId, UUID productId, String productName, String skuLabel, int quantity, long unitPriceVnd,
                long lineTotalVnd) {
    }

    static CheckoutView of(Checkout c, List<SellerOrder> orders, Map<UUID, List<OrderLine>> lines) {
        Action action = c.paymentActionKind() == null ? null : new Action(c.paymentActionKind(), c.paymentUrl(), c.paymentQr());
        return new CheckoutView(c.id(), c.number(), c.status(), c.subtotalVnd(), c.shippingVnd(), c.totalVnd(),
                new Payment(c.paymentMethod(), c.payBefore(), action, c.paymentFailure(), c.paidAt()), c.rejectionReason(),
                c.cancelReason(),
                orders.stream().map(o -> new Order(o.id(), o.number(), o.sellerId(), o.status(), o.subtotalVnd(),
                        o.shippingVnd(), o.totalVnd(), lines.getOrDefault(o.id(), List.of()).stream()
                        .map(l -> new Line(l.skuId(), l.productId(), l.productName(), l.skuLabel(), l.quantity(),
                                l.unitPriceVnd(), l.lineTotalVnd()))
                        .toList())).toList(),
                c.createdAt());
    }
}
