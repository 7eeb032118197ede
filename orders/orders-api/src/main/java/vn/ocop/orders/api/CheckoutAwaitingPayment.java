package vn.ocop.orders.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import vn.ocop.payments.api.PaymentMethod;

/**
 * The checkout's stock is reserved and payment can be collected until {@code payBefore}.
 *
 * @param checkoutId     the checkout
 * @param checkoutNumber its public number, the reference the buyer sees
 * @param buyerId        the buyer
 * @param paymentMethod  the provider the buyer chose
 * @param amountVnd      amount to collect, whole dong
 * @param payBefore      when the reservation lapses
 * @param buyerIp        the address the buyer placed the checkout from (VNPay requires it), if known
 */
@Serdeable
public record CheckoutAwaitingPayment(UUID checkoutId, String checkoutNumber, UUID buyerId, PaymentMethod paymentMethod,
                                      long amountVnd, Instant payBefore, @Nullable String buyerIp) {

    public static final String TYPE = "CheckoutAwaitingPayment";
    public static final int VERSION = 1;
}
