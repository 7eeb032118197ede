package vn.ocop.orders.checkout;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import vn.ocop.payments.api.PaymentMethod;

/**
 * A buyer's checkout: one payment for the orders of one or more sellers. Each transition checks the current status
 * and returns nothing when it does not apply, so a duplicate or late event changes nothing.
 */
@MappedEntity("checkouts")
record Checkout(@Id UUID id, String number, UUID buyerId, CheckoutStatus status, PaymentMethod paymentMethod,
                long subtotalVnd, long shippingVnd, long totalVnd, String recipientName, String recipientPhone, String street,
                String communeCode, String provinceCode, @Nullable String buyerIp, @Nullable Instant payBefore,
                @Nullable UUID paymentSessionId, @Nullable String paymentActionKind, @Nullable String paymentUrl,
                @Nullable String paymentQr, @Nullable String paymentFailure, @Nullable String rejectionReason,
                @Nullable Instant paidAt, Instant createdAt, Instant updatedAt, @Version long version) {

    /** Stock is held until {@code until}: the buyer may pay. */
    Optional<Checkout> stockReserved(Instant until, Instant now) {
        return when(CheckoutStatus.PENDING_STOCK, () -> with(CheckoutStatus.AWAITING_PAYMENT, until, paymentSessionId,
                paymentActionKind, paymentUrl, paymentQr, paymentFailure, rejectionReason, paidAt, now));
    }

    Optional<Checkout> stockRejected(String reason, Instant now) {
        return when(CheckoutStatus.PENDING_STOCK, () -> with(CheckoutStatus.REJECTED, payBefore, paymentSessionId,
                paymentActionKind, paymentUrl, paymentQr, paymentFailure, reason, paidAt, now));
    }

    /** Payments opened a session: remember what the buyer must do to pay. */
    Optional<Checkout> paymentOpened(UUID sessionId, String kind, @Nullable String url, @Nullable String qr, Instant now) {
        return when(CheckoutStatus.AWAITING_PAYMENT, () -> with(status, payBefore, sessionId, kind, url, qr, null,
                rejectionReason, paidAt, now));
    }

    /** An attempt failed; the buyer may try again while the stock is held. */
    Optional<Checkout> paymentFailed(String failure, Instant now) {
        return when(CheckoutStatus.AWAITING_PAYMENT, () -> with(status, payBefore, paymentSessionId, paymentActionKind,
                paymentUrl, paymentQr, failure, rejectionReason, paidAt, now));
    }

    Optional<Checkout> paid(Instant paidAt, Instant now) {
        return when(CheckoutStatus.AWAITING_PAYMENT, () -> with(CheckoutStatus.PAID, payBefore, paymentSessionId,
                paymentActionKind, paymentUrl, paymentQr, null, rejectionReason, paidAt, now));
    }

    private Optional<Checkout> when(CheckoutStatus required, Supplier<Checkout> next) {
        return status == required ? Optional.of(next.get()) : Optional.empty();
    }

    private Checkout with(CheckoutStatus nextStatus, @Nullable Instant nextPayBefore, @Nullable UUID sessionId,
                          @Nullable String kind, @Nullable String url, @Nullable String qr, @Nullable String failure,
                          @Nullable String rejection, @Nullable Instant nextPaidAt, Instant now) {
        return new Checkout(id, number, buyerId, nextStatus, paymentMethod, subtotalVnd, shippingVnd, totalVnd, recipientName,
                recipientPhone, street, communeCode, provinceCode, buyerIp, nextPayBefore, sessionId, kind, url, qr, failure,
                rejection, nextPaidAt, createdAt, now, version);
    }
}
