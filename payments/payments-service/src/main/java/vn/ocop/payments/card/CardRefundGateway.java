package vn.ocop.payments.card;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Singleton;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.refund.RefundAnswer;
import vn.ocop.payments.refund.RefundAttempt;
import vn.ocop.payments.refund.RefundGateway;

/**
 * Refunds card payments through Stripe's refunds API: the session's PaymentIntent (kept as the provider transaction
 * number) and the amount in whole dong, with our refund request id as the idempotency key, so that a call sent again
 * after an answer we could not trust refunds once. Stripe's status or error code is kept as the provider's message (the
 * response code column holds VNPay's two-digit codes).
 */
@Singleton
@Requires(property = StripeConfiguration.ENABLED, value = StringUtils.TRUE)
class CardRefundGateway implements RefundGateway {

    private final StripeClient stripe;

    CardRefundGateway(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.CARD;
    }

    @Override
    public RefundAnswer refund(RefundAttempt attempt) {
        if (attempt.providerTransactionNo() == null || !attempt.providerTransactionNo().startsWith("pi_")) {
            return new RefundAnswer(RefundAnswer.Kind.REFUSED, null, null, null,
                    "card payment " + attempt.txnRef() + " has no Stripe PaymentIntent to refund");
        }
        var params = RefundCreateParams.builder()
                .setPaymentIntent(attempt.providerTransactionNo())
                .setAmount(attempt.amountVnd())
                .putMetadata("ocop_refund_id", attempt.refundId().toString())
                .putMetadata(CardIntents.TXN_REF, attempt.txnRef())
                .build();
        try {
            Refund refund = stripe.v1().refunds().create(params, RequestOptions.builder().setIdempotencyKey(attempt.requestId()).build());
            return switch (refund.getStatus() == null ? "" : refund.getStatus()) {
                // pending: Stripe accepted it and card refunds then complete; a later failure shows in the dashboard
                case "succeeded", "pending" -> new RefundAnswer(RefundAnswer.Kind.REFUNDED, null, refund.getStatus(), refund.getId(),
                        "Stripe refund " + refund.getId() + " " + refund.getStatus());
                case "requires_action" -> new RefundAnswer(RefundAnswer.Kind.IN_DOUBT, null, refund.getStatus(), refund.getId(),
                        "Stripe refund " + refund.getId() + " requires action in Stripe's dashboard");
                default -> new RefundAnswer(RefundAnswer.Kind.REFUSED, null, refund.getStatus(), refund.getId(),
                        "Stripe refund " + refund.getId() + " " + refund.getStatus());
            };
        } catch (ApiConnectionException e) {
            return RefundAnswer.unknown("Stripe could not be reached: " + e.getClass().getSimpleName());
        } catch (RateLimitException e) {
            return new RefundAnswer(RefundAnswer.Kind.RETRYABLE, null, code(e),
                    null, "Stripe is rate limiting");
        } catch (IdempotencyException | InvalidRequestException e) {
            return new RefundAnswer(RefundAnswer.Kind.REFUSED, null, code(e),
                    null, "Stripe refused the refund: " + code(e) + " (HTTP " + e.getStatusCode() + ")");
        } catch (StripeException e) {
            // 5xx and the like: Stripe may have refunded; the same idempotency key goes out again
            return RefundAnswer.unknown("Stripe answered " + e.getClass().getSimpleName() + " (HTTP " + e.getStatusCode() + ")");
        }
    }

    private static String code(StripeException e) {
        return e.getCode() == null ? "error" : e.getCode();
    }
}
