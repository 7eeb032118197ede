package vn.ocop.payments.vnpay;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import vn.ocop.payments.session.ProviderResult;

/**
 * The outcome of a payment as VNPay reports it, on the IPN and on the buyer's return, read from verified parameters.
 *
 * @param txnRef            our reference ({@code vnp_TxnRef})
 * @param amount            {@code vnp_Amount}, the amount × 100 as text
 * @param responseCode      {@code vnp_ResponseCode}
 * @param transactionStatus {@code vnp_TransactionStatus}
 * @param transactionNo     VNPay's transaction number ({@code vnp_TransactionNo})
 * @param bankCode          {@code vnp_BankCode}
 * @param payDate           {@code vnp_PayDate}, {@code yyyyMMddHHmmss} in GMT+7
 */
record VnPayResult(@Nullable String txnRef, @Nullable String amount, @Nullable String responseCode,
                   @Nullable String transactionStatus, @Nullable String transactionNo, @Nullable String bankCode,
                   @Nullable String payDate) {

    static final String OK = "00";

    static VnPayResult of(Map<String, String> params) {
        return new VnPayResult(params.get("vnp_TxnRef"), params.get("vnp_Amount"), params.get("vnp_ResponseCode"),
                params.get("vnp_TransactionStatus"), params.get("vnp_TransactionNo"), params.get("vnp_BankCode"),
                params.get("vnp_PayDate"));
    }

    /** Paid: both the response code and the transaction status say {@code 00}. */
    boolean successful() {
        return OK.equals(responseCode) && OK.equals(transactionStatus);
    }

    /** Whether {@code vnp_Amount} is exactly {@code amountVnd} × 100. */
    boolean amountIs(long amountVnd) {
        if (amount == null || !amount.matches("[0-9]{1,19}")) {
            return false;
        }
        try {
            return Long.parseLong(amount) == Math.multiplyExact(amountVnd, 100L);
        } catch (NumberFormatException | ArithmeticException e) {
            return false;
        }
    }

    Optional<Instant> paidAt() {
        return VnPayDates.parse(payDate);
    }

    ProviderResult providerResult() {
        return new ProviderResult(transactionNo, responseCode, bankCode);
    }
}
