package vn.ocop.payments.vnpay.standin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.vnpay.VnPayApiAnswer;
import vn.ocop.payments.vnpay.VnPayConfiguration;
import vn.ocop.payments.vnpay.VnPayDates;
import vn.ocop.payments.vnpay.VnPayRefundRequest;
import vn.ocop.payments.vnpay.VnPaySigner;
import vn.ocop.payments.vnpay.standin.StandInTransactions.Captured;

/**
 * The stand-in's refund API, checking a request as VNPay does and answering with VNPay's codes, every answer signed:
 * 03 malformed (or a command other than refund: the stand-in serves no querydr), 02 another merchant's terminal code,
 * 97 bad signature, 94 a request id already used today, 91 no such captured payment (reference, transaction number
 * and payment date must all match), 03 an amount above what is left to refund or a full refund (02) of anything but
 * the whole payment (VNPay's published refund codes have none specific to the amount), 00 refunded.
 */
@Singleton
@Requires(property = StandInConfiguration.ENABLED, value = StringUtils.TRUE)
class StandInRefunds {

    private static final Logger LOG = LoggerFactory.getLogger(StandInRefunds.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final Pattern AMOUNT = Pattern.compile("[1-9][0-9]{0,15}00");
    /** VNPay's status of a refund it accepted: it is processing it. */
    private static final String PROCESSING = "05";

    private final VnPaySigner signer;
    private final VnPayConfiguration merchant;
    private final StandInTransactions transactions;
    private final Clock clock;

    StandInRefunds(VnPaySigner signer, VnPayConfiguration merchant, StandInTransactions transactions, Clock clock) {
        this.signer = signer;
        this.merchant = merchant;
        this.transactions = transactions;
        this.clock = clock;
    }

    VnPayApiAnswer answer(VnPayRefundRequest request) {
        Instant now = clock.instant();
        if (request == null || !wellFormed(request)) {
            return refused(request, "03", "Invalid data format");
        }
        if (!merchant.tmnCode().equals(request.tmnCode())) {
            return refused(request, "02", "Invalid TmnCode");
        }
        if (!signer.verifyFields(request.secureHash(), request.hashFields())) {
            return refused(request, "97", "Invalid checksum");
        }
        if (!transactions.firstUse(request.requestId(), now)) {
            return refused(request, "94", "Duplicate request");
        }
        Optional<Captured> payment = transactions.find(request.txnRef())
                .filter(p -> p.transactionNo().equals(request.transactionNo()) && p.payDate().equals(request.transactionDate()));
        if (payment.isEmpty()) {
            return refused(request, "91", "Transaction not found");
        }
        long amountVnd = Long.parseLong(request.amount()) / 100;
        boolean full = VnPayRefundRequest.FULL.equals(request.transactionType());
        if (full && (amountVnd != payment.get().amountVnd() || payment.get().refundedVnd() > 0)) {
            return refused(request, "03", "Invalid amount for a full refund");
        }
        Optional<Captured> refunded = transactions.refund(request.txnRef(), amountVnd);
        if (refunded.isEmpty()) {
            return refused(request, "03", "Refund amount exceeds the refundable amount");
        }
        LOG.info("VNPay stand-in: refunded {} VND of {} (request {}), {} VND of {} refunded so far", amountVnd,
                request.txnRef(), request.requestId(), refunded.get().refundedVnd(), refunded.get().amountVnd());
        return new VnPayApiAnswer(responseId(), request.command(), "00", "Refund success", request.tmnCode(), request.txnRef(),
                request.amount(), payment.get().bankCode(), VnPayDates.format(now), transactionNo(), request.transactionType(),
                PROCESSING, request.orderInfo(), null, null, null).signedWith(signer);
    }

    private VnPayApiAnswer refused(VnPayRefundRequest request, String code, String message) {
        LOG.info("VNPay stand-in: refund request {} refused: {} {}", request == null ? null : request.requestId(), code, message);
        return new VnPayApiAnswer(responseId(), request == null ? null : request.command(), code, message,
                request == null ? null : request.tmnCode(), request == null ? null : request.txnRef(), null, null, null, null,
                null, null, null, null, null, null).signedWith(signer);
    }

    private static boolean wellFormed(VnPayRefundRequest request) {
        return request.requestId() != null && REQUEST_ID.matcher(request.requestId()).matches()
                && "2.1.0".equals(request.version())
                && VnPayRefundRequest.COMMAND.equals(request.command())
                && (VnPayRefundRequest.FULL.equals(request.transactionType())
                || VnPayRefundRequest.PARTIAL.equals(request.transactionType()))
                && request.amount() != null && AMOUNT.matcher(request.amount()).matches()
                && VnPayDates.parse(request.transactionDate()).isPresent()
                && VnPayDates.parse(request.createDate()).isPresent()
                && present(request.tmnCode()) && present(request.txnRef()) && present(request.transactionNo())
                && present(request.createBy()) && present(request.ipAddr()) && present(request.orderInfo());
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    static String responseId() {
        return Long.toString(Math.abs(RANDOM.nextLong()) % 1_000_000_000_000L + 1);
    }

    private static String transactionNo() {
        return Integer.toString(10_000_000 + RANDOM.nextInt(90_000_000));
    }
}
