package vn.ocop.payments.vnpay.standin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.ocop.payments.vnpay.VnPayDates;

/**
 * What the stand-in's "VNPay" remembers for its merchant API, in memory (a restart forgets it): the payments it
 * captured, what was refunded of each, and the request ids seen per day (VNPay wants them unique within a day).
 */
@Singleton
@Requires(property = StandInConfiguration.ENABLED, value = StringUtils.TRUE)
class StandInTransactions {

    /**
     * A captured payment and what has been refunded of it; {@code createDate} is the pay request's
     * {@code vnp_CreateDate}, which querydr names.
     */
    record Captured(String txnRef, long amountVnd, String transactionNo, String payDate, String bankCode, String createDate,
                    long refundedVnd) {

        long refundableVnd() {
            return amountVnd - refundedVnd;
        }
    }

    private final Map<String, Captured> payments = new HashMap<>();
    /** Pay requests the buyer cancelled on the page: reference -> the request's vnp_CreateDate. */
    private final Map<String, String> unpaid = new HashMap<>();
    private final Set<String> requestIds = new HashSet<>();

    synchronized void captured(String txnRef, long amountVnd, String transactionNo, String payDate, String bankCode,
                               String createDate) {
        payments.put(txnRef, new Captured(txnRef, amountVnd, transactionNo, payDate, bankCode, createDate, 0));
    }

    /** The buyer left the pay page without paying (VNPay's code 24, status 02). */
    synchronized void unpaid(String txnRef, String createDate) {
        unpaid.put(txnRef, createDate);
    }

    /** The pay request's vnp_CreateDate when its buyer cancelled it unpaid. */
    synchronized Optional<String> findUnpaid(String txnRef) {
        return Optional.ofNullable(unpaid.get(txnRef));
    }

    synchronized Optional<Captured> find(String txnRef) {
        return Optional.ofNullable(payments.get(txnRef));
    }

    /** Notes a request id for its day (Vietnam time); false when the day already saw it. */
    synchronized boolean firstUse(String requestId, Instant now) {
        LocalDate day = now.atZone(VnPayDates.ZONE).toLocalDate();
        return requestIds.add(day + "/" + requestId);
    }

    /** Refunds {@code amountVnd} of the payment if that much is left; the payment after it, or nothing. */
    synchronized Optional<Captured> refund(String txnRef, long amountVnd) {
        Captured payment = payments.get(txnRef);
        if (payment == null || amountVnd <= 0 || amountVnd > payment.refundableVnd()) {
            return Optional.empty();
        }
        var after = new Captured(txnRef, payment.amountVnd(), payment.transactionNo(), payment.payDate(), payment.bankCode(),
                payment.createDate(), payment.refundedVnd() + amountVnd);
        payments.put(txnRef, after);
        return Optional.of(after);
    }

    /** Whole dong refunded of a payment so far (for tests and the logs). */
    synchronized long refundedVnd(String txnRef) {
        Captured payment = payments.get(txnRef);
        return payment == null ? 0 : payment.refundedVnd();
    }
}
