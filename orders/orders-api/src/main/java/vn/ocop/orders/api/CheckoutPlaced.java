package vn.ocop.orders.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.ocop.payments.api.PaymentMethod;

/**
 * A buyer placed a checkout: one order per seller, awaiting stock.
 *
 * @param checkoutId     the checkout
 * @param checkoutNumber its public number, e.g. {@code CK-7Q4M2X9P}
 * @param buyerId        the buyer's account
 * @param paymentMethod  how the buyer will pay
 * @param totalVnd       what the buyer pays in all, shipping included
 * @param placedAt       when
 * @param orders         the per-seller orders
 */
@Serdeable
public record CheckoutPlaced(UUID checkoutId, String checkoutNumber, UUID buyerId, PaymentMethod paymentMethod,
                             long totalVnd, Instant placedAt, List<Order> orders) {

    public static final String TYPE = "CheckoutPlaced";
    public static final int VERSION = 1;

    /**
     * One seller's part of the checkout.
     *
     * @param orderId        the order
     * @param orderNumber    its public number
     * @param sellerId       the seller
     * @param subtotalVnd    sum of the lines
     * @param shippingFeeVnd shipping for this seller's parcel
     * @param totalVnd       subtotal plus shipping
     * @param lines          what is bought
     */
    @Serdeable
    public record Order(UUID orderId, String orderNumber, UUID sellerId, long subtotalVnd, long shippingFeeVnd,
                        long totalVnd, List<Line> lines) {
    }

    /**
     * One line of an order, priced when the checkout was placed.
     *
     * @param skuId        the SKU
     * @param productId    its product
     * @param productName  the product's name then
     * @param quantity     how many units
     * @param unitPriceVnd price per unit then
     */
    @Serdeable
    public record Line(UUID skuId, UUID productId, String productName, int quantity, long unitPriceVnd) {
    }
}
