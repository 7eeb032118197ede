package vn.ocop.payments.vnpay;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.session.PaymentSession;
import vn.ocop.platform.text.SearchKeys;

/**
 * Asks VNPay's merchant API what became of a payment ({@code querydr}): a signed JSON request naming our reference and
 * the date we created the pay request, and an answer trusted only when its signature (over DOMAIN.md's querydr answer
 * fields), terminal code, command and reference are ours. A query changes nothing at VNPay, so a lost answer is simply
 * asked again later, with a new request id (VNPay wants them unique per day).
 */
@Singleton
class VnPayQueries {

    /** What VNPay says of the payment. */
    enum Verdict {
        /** Paid: the query succeeded ({@code 00}) and the transaction's status is {@code 00}. */
        PAID,
        /** The transaction ended unpaid (status {@code 02}: failed, cancelled by the buyer). */
        UNPAID,
        /** The buyer has not finished (status {@code 01}), or VNPay knows no such transaction yet ({@code 91}). */
        NOT_YET,
        /** No answer worth believing: no answer, not signed as VNPay's, or a code saying the query itself failed. */
        UNKNOWN
    }

    /**
     * The answer.
     *
     * @param verdict what it means
     * @param result  VNPay's payment as an IPN would report it (for {@link Verdict#PAID}), else null
     * @param code    VNPay's response code, then its transaction status ("00/01"), or why there is none
     */
    record Outcome(Verdict verdict, VnPayResult result, String code) {
    }

    static final String TRANSACTION_NOT_FOUND = "91";
    private static final Logger LOG = LoggerFactory.getLogger(VnPayQueries.class);

    private final VnPayMerchantApi api;
    private final VnPaySigner signer;
    private final VnPayConfiguration merchant;
    private final Clock clock;

    VnPayQueries(VnPayMerchantApi api, VnPaySigner signer, VnPayConfiguration merchant, Clock clock) {
        this.api = api;
        this.signer = signer;
        this.merchant = merchant;
        this.clock = clock;
    }

    Outcome query(PaymentSession session) {
        VnPayQueryRequest request = request(session);
        VnPayMerchantApi.Reply reply = api.send(request, "querydr " + request.requestId() + " for " + session.txnRef());
        if (reply.answer() == null) {
            return new Outcome(Verdict.UNKNOWN, null, reply.failure());
        }
        VnPayApiAnswer answer = reply.answer();
        if (!authentic(answer, session)) {
            LOG.warn("VNPay querydr {} for {}: the answer is not signed as VNPay's, or not about this payment",
                    request.requestId(), session.txnRef());
            return new Outcome(Verdict.UNKNOWN, null, "unsigned");
        }
        return interpret(answer);
    }

    private VnPayQueryRequest request(PaymentSession session) {
        String requestId = UUID.randomUUID().toString().replace("-", "");
        return new VnPayQueryRequest(requestId, VnPayGateway.VERSION, VnPayQueryRequest.COMMAND, merchant.tmnCode(),
                session.txnRef(), SearchKeys.toAscii("Kiem tra giao dich " + session.checkoutNumber()),
                VnPayDates.format(session.createdAt()), VnPayDates.format(clock.instant()), api.serverIp(), null).signedWith(signer);
    }

    private boolean authentic(VnPayApiAnswer answer, PaymentSession session) {
        return signer.verifyFields(answer.secureHash(), answer.queryHashFields())
                && merchant.tmnCode().equals(answer.tmnCode())
                && VnPayQueryRequest.COMMAND.equals(answer.command())
                && session.txnRef().equals(answer.txnRef());
    }

    private static Outcome interpret(VnPayApiAnswer answer) {
        String code = answer.responseCode() + (answer.transactionStatus() == null ? "" : "/" + answer.transactionStatus());
        if (TRANSACTION_NOT_FOUND.equals(answer.responseCode())) {
            return new Outcome(Verdict.NOT_YET, null, code);
        }
        if (!VnPayResult.OK.equals(answer.responseCode()) || answer.transactionStatus() == null) {
            return new Outcome(Verdict.UNKNOWN, null, code);
        }
        return switch (answer.transactionStatus()) {
            case VnPayResult.OK -> new Outcome(Verdict.PAID, new VnPayResult(answer.txnRef(), answer.amount(), VnPayResult.OK,
                    VnPayResult.OK, answer.transactionNo(), answer.bankCode(), answer.payDate()), code);
            case "01" -> new Outcome(Verdict.NOT_YET, null, code);
            case "02" -> new Outcome(Verdict.UNPAID, null, code);
            default -> new Outcome(Verdict.UNKNOWN, null, code);
        };
    }
}
