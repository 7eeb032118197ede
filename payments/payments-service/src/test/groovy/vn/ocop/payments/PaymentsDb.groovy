package vn.ocop.payments

import io.micronaut.json.JsonMapper
import io.micronaut.transaction.TransactionOperations
import java.sql.Connection
import java.sql.Timestamp
import java.time.Instant
import java.time.LocalDateTime
import java.time.ZoneOffset
import java.time.temporal.ChronoUnit
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.session.PaymentSession
import vn.ocop.payments.session.SessionState
import vn.ocop.platform.Infra
import vn.ocop.platform.event.Ids

/** The payments database as the specs see it: cleaning, rows, events in the outbox. */
class PaymentsDb {

    static void clean(TransactionOperations<Connection> tx) {
        ['refund_bank_transfers', 'refunds', 'bank_transfers', 'vnpay_queries', 'payment_sessions', 'cod_collections', 'provider_notifications', 'outbox', 'inbox',
         'idempotency_keys'].each {
            Infra.execute(tx, "DELETE FROM $it")
        }
    }

    /** An open VNPay session (or of args.method) as the service opens them, for specs about what happens next. */
    static PaymentSession openSession(Map<String, Object> args = [:]) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS)
        new PaymentSession(Ids.newId(), (args.checkoutId ?: Ids.newId()) as UUID, args.checkoutNumber ?: 'CK-7Q4M2X9P',
                (args.method ?: PaymentMethod.VNPAY) as PaymentMethod, (args.amountVnd ?: 690_000L) as long, 0L, SessionState.OPEN,
                args.txnRef ?: 'T' + UUID.randomUUID().toString().replace('-', '').take(15).toUpperCase(),
                'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?vnp_Amount=69000000', now.plus(15, ChronoUnit.MINUTES),
                null, null, null, null, null, now, now)
    }

    /** A session whose VNPay payment was captured (as an IPN leaves it), for specs about refunds. */
    static PaymentSession capturedSession(Map<String, Object> args = [:]) {
        PaymentSession open = openSession(args)
        Instant paidAt = (args.paidAt ?: Instant.parse('2026-11-20T03:22:10Z')) as Instant
        new PaymentSession(open.id(), open.checkoutId(), open.checkoutNumber(), open.method(), open.amountVnd(), open.amountVnd(),
                SessionState.SUCCEEDED, open.txnRef(), open.payUrl(), open.expiresAt(), (args.transactionNo ?: '14422574') as String,
                '00', 'NCB', paidAt, open.checkoutId(), open.createdAt(), open.updatedAt())
    }

    static Map<String, Object> refund(TransactionOperations<Connection> tx, UUID refundId) {
        Infra.rows(tx, 'SELECT * FROM refunds WHERE id = ?', [refundId.toString()]).with { it ? it.first() : null }
    }

    /** The refunds of a checkout, in the order they were recorded. */
    static List<Map<String, Object>> refunds(TransactionOperations<Connection> tx, UUID checkoutId) {
        Infra.rows(tx, 'SELECT * FROM refunds WHERE checkout_id = ? ORDER BY created_at, id', [checkoutId.toString()])
    }

    /** A DATETIME column's value (LocalDateTime or Timestamp, by driver) as the UTC instant it stores. */
    static Instant utc(Object value) {
        if (value == null) {
            return null
        }
        (value instanceof Timestamp ? (value as Timestamp).toLocalDateTime() : value as LocalDateTime).toInstant(ZoneOffset.UTC)
    }

    static Map<String, Object> session(TransactionOperations<Connection> tx, String txnRef) {
        Infra.rows(tx, 'SELECT * FROM payment_sessions WHERE txn_ref = ?', [txnRef]).with { it ? it.first() : null }
    }

    /** The events in the outbox about one aggregate, oldest first, as [type: .., data: ..]. */
    static List<Map<String, Object>> events(TransactionOperations<Connection> tx, JsonMapper json, String aggregateId) {
        Infra.rows(tx, 'SELECT event_type, envelope FROM outbox WHERE aggregate_id = ? ORDER BY seq', [aggregateId]).collect {
            [type: it.event_type, data: json.readValue(it.envelope as String, Map).data]
        }
    }

    static List<Map<String, Object>> notifications(TransactionOperations<Connection> tx, String txnRef) {
        Infra.rows(tx, 'SELECT txn_ref, raw_query, signature_valid, answer_code FROM provider_notifications WHERE txn_ref = ? '
                + 'ORDER BY received_at', [txnRef])
    }
}
