package vn.ocop.payments.vnpay.standin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Singleton;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import vn.ocop.payments.vnpay.VnPayDates;
import vn.ocop.payments.vnpay.VnPaySigner;
import vn.ocop.payments.vnpay.standin.StandInLedger.Ticket;

/**
 * Completes a pay request the way VNPay does once the buyer has paid or cancelled: signs the result, calls the
 * merchant's IPN with it, and sends the browser to the merchant's return URL with the same parameters. A paid request
 * is remembered as captured, for the merchant API's refunds.
 */
@Singleton
@Requires(property = StandInConfiguration.ENABLED, value = StringUtils.TRUE)
class StandInPayments {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final VnPaySigner signer;
    private final MerchantNotifier notifier;
    private final StandInTransactions transactions;
    private final Clock clock;

    StandInPayments(VnPaySigner signer, MerchantNotifier notifier, StandInTransactions transactions, Clock clock) {
        this.signer = signer;
        this.notifier = notifier;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Settles the ticket's request (paid, or cancelled by the buyer: VNPay code 24) and returns where the browser goes. */
    URI complete(Ticket ticket) {
        PayRequest request = ticket.request();
        Map<String, String> result = new HashMap<>();
        result.put("vnp_TmnCode", request.params().get("vnp_TmnCode"));
        result.put("vnp_Amount", request.params().get("vnp_Amount"));
        result.put("vnp_BankCode", "NCB");
        result.put("vnp_CardType", "ATM");
        result.put("vnp_PayDate", VnPayDates.format(clock.instant()));
        result.put("vnp_OrderInfo", request.params().get("vnp_OrderInfo"));
        result.put("vnp_TxnRef", request.txnRef());
        if (ticket.pay()) {
            String transactionNo = Integer.toString(10_000_000 + RANDOM.nextInt(90_000_000));
            result.put("vnp_TransactionNo", transactionNo);
            result.put("vnp_BankTranNo", "VNP" + transactionNo);
            result.put("vnp_ResponseCode", "00");
            result.put("vnp_TransactionStatus", "00");
            // captured whatever the merchant answers to the IPN, as at VNPay: the money has left the buyer
            transactions.captured(request.txnRef(), request.amountVnd(), transactionNo, result.get("vnp_PayDate"), "NCB",
                    request.params().get("vnp_CreateDate"));
        } else {
            result.put("vnp_TransactionNo", "0");
            result.put("vnp_ResponseCode", "24");
            result.put("vnp_TransactionStatus", "02");
            transactions.unpaid(request.txnRef(), request.params().get("vnp_CreateDate"));
        }
        String query = signer.signedQuery(result);
        notifier.notify(request.txnRef(), query);
        String returnUrl = request.params().get("vnp_ReturnUrl");
        return URI.create(returnUrl + (returnUrl.contains("?") ? "&" : "?") + query);
    }
}
