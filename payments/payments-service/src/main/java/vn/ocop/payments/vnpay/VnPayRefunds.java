package vn.ocop.payments.vnpay;

import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.refund.RefundAnswer;
import vn.ocop.payments.refund.RefundAnswer.Kind;
import vn.ocop.payments.refund.RefundAttempt;
import vn.ocop.payments.refund.RefundGateway;
import vn.ocop.platform.text.SearchKeys;

/**
 * Refunds through VNPay's merchant API: a signed JSON {@code refund} request (type 02 for the whole payment, 03 for
 * part of it), and the answer trusted only when its signature, terminal code, command and reference are ours.
 *
 * <p>Request ids: VNPay wants {@code vnp_RequestId} unique per day and keeps no promise to replay an earlier answer for a
 * repeated one. Answers it documents: 94 to a request it has seen before, and, for refunds, 94 "a refund of this
 * transaction was already requested and VNPay is processing it". So a call whose answer never came (timeout, crash,
 * unsigned reply) is sent again with the same request id: if VNPay had carried it out, it refuses the copy (94) instead
 * of refunding twice, and the refund ends FAILED "in doubt" for someone to check (querydr or VNPay's merchant portal);
 * if it had not, the copy is carried out normally. After an answer saying the refund was not made (99), the next call
 * gets a new id. The guard holds within VNPay's day (Vietnam time): a copy sent after midnight is a new request to it.
 */
@Singleton
class VnPayRefunds implements RefundGateway {

    private static final Logger LOG = LoggerFactory.getLogger(VnPayRefunds.class);

    private final VnPayMerchantApi api;
    private final VnPaySigner signer;
    private final VnPayConfiguration merchant;
    private final VnPayApiConfiguration settings;
    private final Clock clock;

    VnPayRefunds(VnPayMerchantApi api, VnPaySigner signer, VnPayConfiguration merchant, VnPayApiConfiguration settings,
                 Clock clock) {
        this.api = api;
        this.signer = signer;
        this.merchant = merchant;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.VNPAY;
    }

    @Override
    public RefundAnswer refund(RefundAttempt attempt) {
        VnPayRefundRequest request = request(attempt);
        VnPayMerchantApi.Reply reply = api.send(request, "refund request " + request.requestId() + " for " + attempt.txnRef());
        if (reply.answer() == null) {
            return RefundAnswer.unknown(reply.detail());
        }
        VnPayApiAnswer answer = reply.answer();
        if (!authentic(answer, attempt)) {
            LOG.warn("VNPay refund request {} for {}: the answer is not signed as VNPay's, or not about this refund",
                    request.requestId(), attempt.txnRef());
            return RefundAnswer.unknown("VNPay's answer is not signed as VNPay's, or not about this refund");
        }
        return interpret(answer, attempt);
    }

    private VnPayRefundRequest request(RefundAttempt attempt) {
        return new VnPayRefundRequest(attempt.requestId(), VnPayGateway.VERSION, VnPayRefundRequest.COMMAND, merchant.tmnCode(),
                attempt.full() ? VnPayRefundRequest.FULL : VnPayRefundRequest.PARTIAL, attempt.txnRef(),
                Long.toString(Math.multiplyExact(attempt.amountVnd(), 100L)), attempt.providerTransactionNo(),
                VnPayDates.format(attempt.paidAt()), settings.createBy(), VnPayDates.format(clock.instant()), api.serverIp(),
                SearchKeys.toAscii("Hoan tien don hang " + attempt.checkoutNumber()), null).signedWith(signer);
    }

    private boolean authentic(VnPayApiAnswer answer, RefundAttempt attempt) {
        return signer.verifyFields(answer.secureHash(), answer.refundHashFields())
                && merchant.tmnCode().equals(answer.tmnCode())
                && VnPayRefundRequest.COMMAND.equals(answer.command())
                && attempt.txnRef().equals(answer.txnRef());
    }

    /** VNPay's refund codes: 00 done; 94 and 99 worth another call (94 only on a first sending); the rest final. */
    private static RefundAnswer interpret(VnPayApiAnswer answer, RefundAttempt attempt) {
        String code = answer.responseCode();
        String said = "VNPay answered " + code + (answer.message() == null ? "" : " (" + answer.message() + ")");
        Kind kind = switch (code == null ? "" : code) {
            case "00" -> Kind.REFUNDED;
            case "94" -> attempt.resend() ? Kind.IN_DOUBT : Kind.RETRYABLE;
            case "99" -> Kind.RETRYABLE;
            default -> Kind.REFUSED;
        };
        String detail = switch (kind) {
            case IN_DOUBT -> said + " to request " + attempt.requestId() + ", sent again after an unanswered attempt: VNPay may"
                    + " already have refunded it; check with querydr or VNPay's merchant portal before refunding again";
            case REFUSED -> said + ": refund refused";
            default -> said;
        };
        return new RefundAnswer(kind, code, answer.message(), answer.transactionNo(), detail);
    }
}
