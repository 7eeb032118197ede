package vn.ocop.payments.refund;

import java.time.Instant;
import java.util.UUID;

/**
 * One call to the provider for a refund, as the worker claimed it: what to refund and of which captured payment.
 *
 * @param refundId              the refund
 * @param attempt               this call's number, from 1
 * @param requestId             the provider's request id for this call (VNPay's {@code vnp_RequestId})
 * @param resend                the same request id went out before without an answer we could trust
 * @param amountVnd             how much to give back, whole dong
 * @param full                  whether that is the whole captured amount
 * @param txnRef                our reference of the payment at the provider
 * @param providerTransactionNo the provider's number of the payment
 * @param paidAt                when the provider says the payment was made
 * @param checkoutNumber        the checkout's public number
 */
public record RefundAttempt(UUID refundId, int attempt, String requestId, boolean resend, long amountVnd, boolean full,
                            String txnRef, String providerTransactionNo, Instant paidAt, String checkoutNumber) {
}
