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
                @Nullable String cancelReason, @Nullable Instant paidAt, @Nullable Instant cancelledAt, Instant createdAt,
                Instant updatedAt, @Version long version) {

    /**
     * Stock is held until {@code until}: the buyer may pay, or, paying cash on delivery, the orders are confirmed at
     * once (their stock will be sold).
     */
    Optional<Checkout> stockReserved(Instant until, Instant now) {
        CheckoutStatus next = paymentMethod == PaymentMethod.COD ? CheckoutStatus.CONFIRMED : CheckoutStatus.AWAITING_PAYMENT;
        return when(CheckoutStatus.PENDING_STOCK, () -> with(next, until, paymentSessionId, paymentActionKind, paymentUrl,
                paymentQr, paymentFailure, rejectionReason, cancelReason, paidAt, cancelledAt, now));
    }

    Optional<Checkout> stockRejected(String reason, Instant now) {
        return when(CheckoutStatus.PENDING_STOCK, () -> with(CheckoutStatus.REJECTED, payBefore, paymentSessionId,
                paymentActionKind, paymentUrl, paymentQr, paymentFailure, reason, cancelReason, paidAt, cancelledAt, now));
    }

    /** Payments opened a session: remember what the buyer must do to pay. */
    Optional<Checkout> paymentOpened(UUID sessionId, String kind, @Nullable String url, @Nullable String qr, Instant now) {
        return when(CheckoutStatus.AWAITING_PAYMENT, () -> with(status, payBefore, sessionId, kind, url, qr, null,
                rejectionReason, cancelReason, paidAt, cancelledAt, now));
    }

    /** An attempt failed; the buyer may try again while the stock is held. */
    Optional<Checkout> paymentFailed(String failure, Instant now) {
        return when(CheckoutStatus.AWAITING_PAYMENT, () -> with(status, payBefore, paymentSessionId, paymentActionKind,
                paymentUrl, paymentQr, failure, rejectionReason, cancelReason, paidAt, cancelledAt, now));
    }

    Optional<Checkout> paid(Instant at, Instant now) {
        return when(CheckoutStatus.AWAITING_PAYMENT, () -> with(CheckoutStatus.PAID, payBefore, paymentSessionId,
                paymentActionKind, paymentUrl, paymentQr, null, rejectionReason, cancelReason, at, cancelledAt, now));
    }

    /** Cancelled before it was paid or confirmed: lapsed, or by its buyer. */
    Optional<Checkout> cancel(String reason, Instant now) {
        if (!status.unsettled()) {
            return Optional.empty();
        }
        return Optional.of(with(CheckoutStatus.CANCELLED, payBefore, paymentSessionId, paymentActionKind, paymentUrl,
                paymentQr, paymentFailure, rejectionReason, reason, paidAt, now, now));
    }

    /** The provider took the buyer's money although the checkout is no longer payable: it must go back. */
    Optional<Checkout> paidTooLate(Instant at, Instant now) {
        if (status != CheckoutStatus.CANCELLED && status != CheckoutStatus.REJECTED) {
            return Optional.empty();
        }
        return Optional.of(with(CheckoutStatus.REFUND_PENDING, payBefore, paymentSessionId, paymentActionKind, paymentUrl,
                paymentQr, paymentFailure, rejectionReason, cancelReason, at, cancelledAt, now));
    }

    /** Payments refunded the late payment. */
    Optional<Checkout> refunded(Instant now) {
        return when(CheckoutStatus.REFUND_PENDING, () -> with(CheckoutStatus.REFUNDED, payBefore, paymentSessionId,
                paymentActionKind, paymentUrl, paymentQr, paymentFailure, rejectionReason, cancelReason, paidAt, cancelledAt,
                now));
    }

    private Optional<Checkout> when(CheckoutStatus required, Supplier<Checkout> next) {
        return status == required ? Optional.of(next.get()) : Optional.empty();
    }

    private Checkout with(CheckoutStatus nextStatus, @Nullable Instant nextPayBefore, @Nullable UUID sessionId,
                          @Nullable String kind, @Nullable String url, @Nullable String qr, @Nullable String failure,
                          @Nullable String rejection, @Nullable String cancellation, @Nullable Instant nextPaidAt,
                          @Nullable Instant nextCancelledAt, Instant now) {
        return new Checkout(id, number, buyerId, nextStatus, paymentMethod, subtotalVnd, shippingVnd, totalVnd, recipientName,
                recipientPhone, street, communeCode, provinceCode, buyerIp, nextPayBefore, sessionId, kind, url, qr, failure,
                rejection, cancellation, nextPaidAt, nextCancelledAt, createdAt, now, version);
    }
}
