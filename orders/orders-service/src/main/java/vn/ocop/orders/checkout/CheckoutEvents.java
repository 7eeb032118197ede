package vn.ocop.orders.checkout;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.ocop.orders.api.CheckoutAwaitingPayment;
import vn.ocop.orders.api.CheckoutCancelled;
import vn.ocop.orders.api.CheckoutPlaced;
import vn.ocop.orders.api.OrderCancelled;
import vn.ocop.orders.api.OrderCompleted;
import vn.ocop.orders.api.OrderConfirmed;
import vn.ocop.orders.api.OrderDelivered;
import vn.ocop.orders.api.OrderPaid;
import vn.ocop.orders.api.OrderShipped;
import vn.ocop.orders.api.RefundRequested;
import vn.ocop.platform.security.Roles;

/** The published events of the checkout and order aggregates, built from their current state. */
final class CheckoutEvents {

    private CheckoutEvents() {
    }

    static CheckoutPlaced placed(Checkout c, List<SellerOrder> orders, Map<UUID, List<OrderLine>> lines) {
        return new CheckoutPlaced(c.id(), c.number(), c.buyerId(), c.paymentMethod(), c.totalVnd(), c.createdAt(),
                orders.stream().map(o -> new CheckoutPlaced.Order(o.id(), o.number(), o.sellerId(), o.subtotalVnd(),
                        o.shippingVnd(), o.totalVnd(), lines(lines.get(o.id())))).toList());
    }

    static CheckoutAwaitingPayment awaitingPayment(Checkout c) {
        return new CheckoutAwaitingPayment(c.id(), c.number(), c.buyerId(), c.paymentMethod(), c.totalVnd(), c.payBefore(),
                c.buyerIp());
    }

    static CheckoutCancelled cancelled(Checkout c) {
        return new CheckoutCancelled(c.id(), c.number(), c.buyerId(), c.cancelReason(), c.cancelledAt());
    }

    static OrderPaid paid(Checkout c, SellerOrder o, List<OrderLine> lines) {
        return new OrderPaid(o.id(), o.number(), c.id(), o.sellerId(), c.paymentMethod(), o.totalVnd(), c.paidAt(),
                lines(lines));
    }

    static OrderConfirmed confirmed(SellerOrder o, List<OrderLine> lines) {
        return new OrderConfirmed(o.id(), o.number(), o.checkoutId(), o.sellerId(), o.paymentMethod(), o.totalVnd(),
                o.updatedAt(), lines(lines));
    }

    static OrderCancelled orderCancelled(SellerOrder o, boolean stockSold, List<OrderLine> lines) {
        return new OrderCancelled(o.id(), o.number(), o.checkoutId(), o.sellerId(), o.paymentMethod(), o.cancelledBy(),
                o.cancelReason(), stockSold, o.refundVnd(), o.cancelledAt(), lines(lines));
    }

    /** The refund of a paid order cancelled before shipment: one per order. */
    static RefundRequested refundOf(SellerOrder o) {
        return new RefundRequested(stableId("order-cancelled:" + o.id()), o.checkoutId(), o.id(), o.paymentMethod(),
                o.refundVnd(), "Đơn hàng " + o.number() + " đã hủy trước khi giao", o.updatedAt());
    }

    /** The refund of a payment captured after the checkout was cancelled or rejected: one per captured session. */
    static RefundRequested refundOfLatePayment(Checkout c, UUID sessionId, long amountVnd) {
        return new RefundRequested(stableId("late-payment:" + sessionId), c.id(), null, c.paymentMethod(), amountVnd,
                "Thanh toán đến sau khi đơn " + c.number() + " đã hủy", c.updatedAt());
    }

    static OrderShipped shipped(SellerOrder o, List<OrderLine> lines) {
        return new OrderShipped(o.id(), o.number(), o.checkoutId(), o.sellerId(), o.carrier(), o.trackingNumber(),
                o.shippedAt(), lines.stream().map(l -> new OrderShipped.Line(l.skuId(), l.productId(), l.quantity(),
                l.lotCode())).toList());
    }

    static OrderDelivered delivered(SellerOrder o, Actor by) {
        long cash = o.paymentMethod().cashless() ? 0 : o.totalVnd();
        return new OrderDelivered(o.id(), o.number(), o.checkoutId(), o.sellerId(), o.paymentMethod(), cash,
                Roles.HELPER.equals(by.role()) ? Roles.SELLER : by.role(), o.deliveredAt());
    }

    static OrderCompleted completed(SellerOrder o) {
        return new OrderCompleted(o.id(), o.number(), o.checkoutId(), o.sellerId(), o.paymentMethod(), o.subtotalVnd(),
                o.shippingVnd(), o.totalVnd(), o.completedAt());
    }

    private static List<CheckoutPlaced.Line> lines(List<OrderLine> lines) {
        return lines.stream().map(l -> new CheckoutPlaced.Line(l.skuId(), l.productId(), l.productName(), l.quantity(),
                l.unitPriceVnd())).toList();
    }

    private static UUID stableId(String cause) {
        return UUID.nameUUIDFromBytes(cause.getBytes(StandardCharsets.UTF_8));
    }
}
