package vn.ocop.orders.checkout;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.ocop.payments.api.PaymentMethod;

/**
 * One seller's order as its buyer, its seller (or helper) and overseeing officers see it. The shipping address is
 * shown to the buyer and the seller's side only; the history only on the order's own page.
 */
@Serdeable
record OrderView(UUID id, String number, UUID checkoutId, OrderStatus status, Seller seller, PaymentMethod paymentMethod,
                 long subtotalVnd, long shippingVnd, long totalVnd, long refundVnd, @Nullable Shipment shipment,
                 @Nullable ShippingAddress shippingAddress, List<Line> lines, Times times,
                 @Nullable Cancellation cancellation, @Nullable List<Change> history) {

    @Serdeable
    record Seller(UUID id, String name, @Nullable String provinceCode) {
    }

    @Serdeable
    record Shipment(String carrier, String trackingNumber) {
    }

    @Serdeable
    record ShippingAddress(String recipientName, String phone, String street, String communeCode, String provinceCode) {
    }

    @Serdeable
    record Line(int lineNo, UUID skuId, UUID productId, String productName, String skuLabel, int quantity,
                long unitPriceVnd, long lineTotalVnd, @Nullable String lotCode) {
    }

    @Serdeable
    record Times(Instant placedAt, @Nullable Instant paidAt, @Nullable Instant shippedAt, @Nullable Instant deliveredAt,
                 @Nullable Instant completedAt, @Nullable Instant cancelledAt) {
    }

    @Serdeable
    record Cancellation(String by, @Nullable String reason) {
    }

    @Serdeable
    record Change(@Nullable OrderStatus from, OrderStatus to, String cause, String byRole, Instant at) {
    }

    static OrderView of(SellerOrder o, List<OrderLine> lines, @Nullable Checkout address, @Nullable List<OrderChange> history) {
        return new OrderView(o.id(), o.number(), o.checkoutId(), o.status(),
                new Seller(o.sellerId(), o.sellerName(), o.sellerProvinceCode()), o.paymentMethod(), o.subtotalVnd(),
                o.shippingVnd(), o.totalVnd(), o.refundVnd(),
                o.carrier() == null ? null : new Shipment(o.carrier(), o.trackingNumber()),
                address == null ? null : new ShippingAddress(address.recipientName(), address.recipientPhone(),
                        address.street(), address.communeCode(), address.provinceCode()),
                lines.stream().map(l -> new Line(l.key().lineNo(), l.skuId(), l.productId(), l.productName(), l.skuLabel(),
                        l.quantity(), l.unitPriceVnd(), l.lineTotalVnd(), l.lotCode())).toList(),
                new Times(o.createdAt(), o.paidAt(), o.shippedAt(), o.deliveredAt(), o.completedAt(), o.cancelledAt()),
                o.cancelledBy() == null ? null : new Cancellation(o.cancelledBy(), o.cancelReason()),
                history == null ? null : history.stream().map(h -> new Change(h.fromStatus(), h.toStatus(), h.cause(),
                        h.actorRole(), h.changedAt())).toList());
    }
}
