package vn.ocop.orders.checkout;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.ocop.orders.api.CheckoutAwaitingPayment;
import vn.ocop.orders.api.CheckoutPlaced;
import vn.ocop.orders.api.OrderPaid;

/** The published events of the checkout aggregate, built from its current state. */
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

    static OrderPaid paid(Checkout c, SellerOrder o, List<OrderLine> lines) {
        return new OrderPaid(o.id(), o.number(), c.id(), o.sellerId(), c.paymentMethod(), o.totalVnd(), c.paidAt(),
                lines(lines));
    }

    private static List<CheckoutPlaced.Line> lines(List<OrderLine> lines) {
        return lines.stream().map(l -> new CheckoutPlaced.Line(l.skuId(), l.productId(), l.productName(), l.quantity(),
                l.unitPriceVnd())).toList();
    }
}
