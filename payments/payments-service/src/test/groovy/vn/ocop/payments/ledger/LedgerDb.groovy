package vn.ocop.payments.ledger

import io.micronaut.json.JsonMapper
import io.micronaut.transaction.TransactionOperations
import java.sql.Connection
import java.time.Instant
import vn.ocop.catalog.api.ProductPublished
import vn.ocop.catalog.api.SellerPayoutAccountChanged
import vn.ocop.orders.api.CheckoutPlaced
import vn.ocop.orders.api.OrderCompleted
import vn.ocop.orders.api.OrderConfirmed
import vn.ocop.orders.api.OrderPaid
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.api.RefundCompleted
import vn.ocop.platform.Infra
import vn.ocop.platform.event.EventEnvelope
import vn.ocop.platform.event.Ids

/** The ledger's and payouts' tables as the specs see them, and the events that feed them, built as their producers do. */
class LedgerDb {

    static final List<String> TABLES = ['payout_skips', 'payouts', 'payout_batches', 'seller_payout_accounts', 'ledger_lines',
                                        'ledger_entries', 'ledger_balances', 'ledger_refunds', 'ledger_order_lines',
                                        'ledger_orders', 'ledger_products', 'commission_group_rates', 'commission_seller_rates']

    static void clean(TransactionOperations<Connection> tx) {
        TABLES.each { Infra.execute(tx, "DELETE FROM $it") }
        Infra.execute(tx, "DELETE FROM outbox WHERE event_type = 'PayoutPaid'")
    }

    static EventEnvelope envelope(JsonMapper json, String type, UUID aggregateId, Object data) {
        new EventEnvelope(Ids.newId(), type, 1, Instant.now(), aggregateId.toString(), null, json.writeValueToTree(data))
    }

    static ProductPublished product(UUID productId, UUID sellerId, String group, long revision = 1) {
        new ProductPublished(productId, revision, sellerId, 'Người bán', 'Sản phẩm OCOP', null,
                [new ProductPublished.Sku(Ids.newId(), 'SKU-1', 'Túi 1 kg', 'túi', 100_000, 1000)], Instant.now(), '92', group)
    }

    static CheckoutPlaced.Line line(UUID productId, int quantity, long unitPriceVnd) {
        new CheckoutPlaced.Line(Ids.newId(), productId, 'Gạo ST25', quantity, unitPriceVnd)
    }

    static OrderPaid paid(UUID orderId, UUID sellerId, List<CheckoutPlaced.Line> lines, long shippingVnd,
                          PaymentMethod method = PaymentMethod.VNPAY, UUID checkoutId = Ids.newId()) {
        new OrderPaid(orderId, number(orderId), checkoutId, sellerId, method, goods(lines) + shippingVnd, Instant.now(), lines)
    }

    static OrderConfirmed confirmed(UUID orderId, UUID sellerId, List<CheckoutPlaced.Line> lines, long shippingVnd) {
        new OrderConfirmed(orderId, number(orderId), Ids.newId(), sellerId, PaymentMethod.COD, goods(lines) + shippingVnd,
                Instant.now(), lines)
    }

    static OrderCompleted completed(UUID orderId, UUID sellerId, PaymentMethod method, long goodsVnd, long shippingVnd) {
        new OrderCompleted(orderId, number(orderId), Ids.newId(), sellerId, method, goodsVnd, shippingVnd, goodsVnd + shippingVnd,
                Instant.now())
    }

    static RefundCompleted refunded(UUID orderId, long amountVnd, UUID checkoutId = Ids.newId()) {
        new RefundCompleted(Ids.newId(), checkoutId, orderId, PaymentMethod.VNPAY, amountVnd, '14422999', Instant.now())
    }

    static SellerPayoutAccountChanged bank(UUID sellerId, String bin, String account, String holder, long revision = 1) {
        new SellerPayoutAccountChanged(sellerId, SellerPayoutAccountChanged.Method.BANK_ACCOUNT, bin, account, holder, revision,
                Instant.now())
    }

    static SellerPayoutAccountChanged wallet(UUID sellerId, String wallet, String phone, long revision = 1) {
        new SellerPayoutAccountChanged(sellerId, SellerPayoutAccountChanged.Method.MOBILE_WALLET, wallet, phone, null, revision,
                Instant.now())
    }

    static long goods(List<CheckoutPlaced.Line> lines) {
        lines.sum { it.quantity() * it.unitPriceVnd() } as long
    }

    /** A seller's balances as the ledger keeps them: [pending, available, owed]. */
    static Map<String, Long> balances(TransactionOperations<Connection> tx, UUID sellerId) {
        def rows = Infra.rows(tx, 'SELECT account_kind, balance_vnd FROM ledger_balances WHERE seller_id = ?', [sellerId.toString()])
        def by = rows.collectEntries { [(it.account_kind): it.balance_vnd as long] }
        [pending: -(by.SELLER_PENDING ?: 0L), available: -(by.SELLER_AVAILABLE ?: 0L), owed: (by.SELLER_RECEIVABLE ?: 0L)]
    }

    /** Debits minus credits over all lines of one account (by code). */
    static long account(TransactionOperations<Connection> tx, String code) {
        Infra.count(tx, 'SELECT COALESCE(SUM(debit_vnd - credit_vnd), 0) FROM ledger_lines WHERE account = ?', [code])
    }

    /** Everything the ledger and payouts hold, for comparing before and after. */
    static Map<String, List> snapshot(TransactionOperations<Connection> tx) {
        TABLES.collectEntries { table -> [(table): Infra.rows(tx, "SELECT * FROM $table ORDER BY 1, 2")] } +
                [payoutEvents: Infra.rows(tx, "SELECT event_id FROM outbox WHERE event_type = 'PayoutPaid' ORDER BY 1")]
    }

    private static String number(UUID orderId) {
        'OD-' + orderId.toString().takeRight(8).toUpperCase()
    }
}
