package vn.ocop.payments.vnpay.standin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.vnpay.VnPayApiAnswer;
import vn.ocop.payments.vnpay.VnPayConfiguration;
import vn.ocop.payments.vnpay.VnPayDates;
import vn.ocop.payments.vnpay.VnPayQueryRequest;
import vn.ocop.payments.vnpay.VnPaySigner;
import vn.ocop.payments.vnpay.standin.StandInTransactions.Captured;

/**
 * The stand-in's querydr, checking a query as VNPay does and answering with VNPay's codes, every answer signed over
 * DOMAIN.md's querydr answer fields: 03 malformed, 02 another merchant's terminal code, 97 bad signature, 94 a request
 * id already used today, 91 no transaction under that reference and creation date; else 00 with the transaction's
 * status: 00 paid (amount, VNPay's transaction number, payment date and bank), 02 left unpaid by the buyer.
 */
@Singleton
@Requires(property = StandInConfiguration.ENABLED, value = StringUtils.TRUE)
class StandInQueries {

    private static final Logger LOG = LoggerFactory.getLogger(StandInQueries.class);
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final String PAID = "00";
    private static final String UNPAID = "02";

    private final VnPaySigner signer;
    private final VnPayConfiguration merchant;
    private final StandInTransactions transactions;
    private final Clock clock;

    StandInQueries(VnPaySigner signer, VnPayConfiguration merchant, StandInTransactions transactions, Clock clock) {
        this.signer = signer;
        this.merchant = merchant;
        this.transactions = transactions;
        this.clock = clock;
    }

    VnPayApiAnswer answer(VnPayQueryRequest request) {
        if (request == null || !wellFormed(request)) {
            return answer(request, "03", "Invalid data format", null, null);
        }
        if (!merchant.tmnCode().equals(request.tmnCode())) {
            return answer(request, "02", "Invalid TmnCode", null, null);
        }
        if (!signer.verifyFields(request.secureHash(), request.hashFields())) {
            return answer(request, "97", "Invalid checksum", null, null);
        }
        if (!transactions.firstUse(request.requestId(), clock.instant())) {
            return answer(request, "94", "Duplicate request", null, null);
        }
        Optional<Captured> paid = transactions.find(request.txnRef())
                .filter(p -> request.transactionDate().equals(p.createDate()));
        if (paid.isPresent()) {
            return answer(request, "00", "Query success", PAID, paid.get());
        }
        if (transactions.findUnpaid(request.txnRef()).filter(request.transactionDate()::equals).isPresent()) {
            return answer(request, "00", "Query success", UNPAID, null);
        }
        return answer(request, "91", "Transaction not found", null, null);
    }

    private VnPayApiAnswer answer(VnPayQueryRequest request, String code, String message, String status, Captured payment) {
        LOG.info("VNPay stand-in: querydr {} for {} answered {} {}", request == null ? null : request.requestId(),
                request == null ? null : request.txnRef(), code, status == null ? "" : status);
        return new VnPayApiAnswer(StandInRefunds.responseId(), VnPayQueryRequest.COMMAND, code, message,
                request == null ? null : request.tmnCode(), request == null ? null : request.txnRef(),
                payment == null ? null : Long.toString(Math.multiplyExact(payment.amountVnd(), 100L)),
                payment == null ? null : payment.bankCode(), payment == null ? null : payment.payDate(),
                payment == null ? null : payment.transactionNo(), status == null ? null : "01", status,
                request == null ? null : request.orderInfo(), null, null, null).signedWith(signer);
    }

    private static boolean wellFormed(VnPayQueryRequest request) {
        return request.requestId() != null && REQUEST_ID.matcher(request.requestId()).matches()
                && "2.1.0".equals(request.version())
                && VnPayQueryRequest.COMMAND.equals(request.command())
                && VnPayDates.parse(request.transactionDate()).isPresent()
                && VnPayDates.parse(request.createDate()).isPresent()
                && StandInRefunds.present(request.tmnCode()) && StandInRefunds.present(request.txnRef())
                && StandInRefunds.present(request.ipAddr()) && StandInRefunds.present(request.orderInfo());
    }
}
