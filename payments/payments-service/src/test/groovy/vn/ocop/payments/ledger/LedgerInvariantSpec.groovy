package vn.ocop.payments.ledger

import io.micronaut.context.ApplicationContext
import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.math.RoundingMode
import java.time.Instant
import vn.ocop.catalog.api.CatalogEvents
import vn.ocop.catalog.api.ProductPublished
import vn.ocop.catalog.api.SellerPayoutAccountChanged
import vn.ocop.orders.api.CheckoutPlaced
import vn.ocop.orders.api.OrderCompleted
import vn.ocop.orders.api.OrderConfirmed
import vn.ocop.orders.api.OrderPaid
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.api.PaymentsEvents
import vn.ocop.payments.api.RefundCompleted
import vn.ocop.platform.Infra
import vn.ocop.platform.ServiceSpecification
import vn.ocop.platform.consumer.EventDispatcher
import vn.ocop.platform.event.EventEnvelope
import vn.ocop.platform.event.Ids

/**
 * A randomized run of payments, cash-on-delivery confirmations, completions, full and partial refunds (before and after
 * completion, and refunds naming no order) and payout batches, driven through the real handlers (the platform's
 * dispatcher: inbox, transaction) on the real database. The spec keeps its own account of what each seller should have,
 * computed from the generated sequence, and compares. The seed is printed; set -Dledger.seed=N to run one again.
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'LedgerInvariantSpec')
@Property(name = 'ocop.events.consumer.enabled', value = 'false')
@Property(name = 'ocop.events.relay.enabled', value = 'false')
@Property(name = 'ocop.payments.refunds.worker.enabled', value = 'false')
@Property(name = 'ocop.payments.payouts.schedule.enabled', value = 'false')
class LedgerInvariantSpec extends ServiceSpecification {

    static final int DEFAULT_BPS = 500
    static final Map<String, Integer> GROUP_BPS = [FOOD: 500, BEVERAGES: 800, HANDICRAFTS: 1200, HERBAL: 333]

    @Inject EventDispatcher dispatcher
    @Inject CommissionRates rates
    @Inject ApplicationContext context
    /** The payout package's batches (package-private there). */
    def batches

    /** Every event sent, with its stream, in order. */
    List<List> sent = []

    def setup() {
        batches = context.getBean(Class.forName('vn.ocop.payments.payout.PayoutBatches'))
        LedgerDb.clean(tx)
    }

    def "after #steps random money events the journal balances and every seller has what the sequence says"() {
        given:
        long seed = Long.getLong('ledger.seed', System.nanoTime())
        println "LedgerInvariantSpec seed: $seed (rerun with -Dledger.seed=$seed)"
        def random = new Random(seed)
        def admin = Ids.newId()
        GROUP_BPS.each { group, bps -> rates.setGroup(group, bps, admin) }
        List<UUID> sellers = (1..4).collect { Ids.newId() }
        Map<UUID, Integer> sellerBps = [(sellers[3]): 250]
        sellerBps.each { seller, bps -> rates.setSeller(seller, bps, admin) }
        // three sellers can be paid; the second one's account changes on the way; the last has no account
        send(CatalogEvents.STREAM, SellerPayoutAccountChanged.TYPE, sellers[0], LedgerDb.bank(sellers[0], '970436', '0071000123456', 'Hồ Quang Cua'))
        send(CatalogEvents.STREAM, SellerPayoutAccountChanged.TYPE, sellers[1], LedgerDb.wallet(sellers[1], 'MOMO', '0987654321'))
        send(CatalogEvents.STREAM, SellerPayoutAccountChanged.TYPE, sellers[3], LedgerDb.bank(sellers[3], '970415', '1011001932418', 'Trần Thị Đào'))
        Map<UUID, String> groupOf = [:]
        Map<UUID, List<UUID>> products = sellers.collectEntries { seller ->
            [(seller): (1..3).collect {
                UUID product = Ids.newId()
                String group = ((GROUP_BPS.keySet() as List) + ['TOURISM', null])[random.nextInt(6)]
                groupOf[product] = group
                send(CatalogEvents.STREAM, ProductPublished.TYPE, product, LedgerDb.product(product, seller, group))
                product
            }]
        }
        def model = new Model(sellers: sellers, groupOf: groupOf, sellerBps: sellerBps)
        List<Instant> cutoffs = []

        when:
        steps.times { step ->
            int dice = random.nextInt(100)
            if (dice < 30) {
                def seller = sellers[random.nextInt(sellers.size())]
                def lines = (1..(1 + random.nextInt(3))).collect {
                    LedgerDb.line(products[seller][random.nextInt(3)], 1 + random.nextInt(4), 1_000 * (1 + random.nextInt(400)) + random.nextInt(1000))
                }
                long shipping = [0L, 18_000L, 25_500L, 32_000L][random.nextInt(4)]
                boolean cod = random.nextInt(4) == 0
                UUID orderId = Ids.newId()
                if (cod) {
                    send(OrdersEvents.STREAM, OrderConfirmed.TYPE, orderId, LedgerDb.confirmed(orderId, seller, lines, shipping))
                } else {
                    send(OrdersEvents.STREAM, OrderPaid.TYPE, orderId, LedgerDb.paid(orderId, seller, lines, shipping))
                }
                model.placed(orderId, seller, lines, shipping, cod)
            } else if (dice < 55) {
                def order = model.open().with { it ? it[random.nextInt(it.size())] : null }
                if (order) {
                    send(OrdersEvents.STREAM, OrderCompleted.TYPE, order.id, LedgerDb.completed(order.id, order.seller,
                            order.cod ? PaymentMethod.COD : PaymentMethod.VNPAY, order.goods, order.shipping))
                    model.complete(order)
                }
            } else if (dice < 80) {
                def order = model.refundable().with { it ? it[random.nextInt(it.size())] : null }
                if (order) {
                    long held = order.paid - order.refunded
                    long amount = random.nextBoolean() ? held : 1 + random.nextInt((int) held)
                    send(PaymentsEvents.STREAM, RefundCompleted.TYPE, order.id, LedgerDb.refunded(order.id, amount))
                    model.refund(order, amount)
                }
            } else if (dice < 85) {
                // a late payment or an overpayment given back: no order, no seller's money
                send(PaymentsEvents.STREAM, RefundCompleted.TYPE, Ids.newId(), LedgerDb.refunded(null, 1 + random.nextInt(500_000)))
            } else if (dice < 93) {
                Instant cutoff = Instant.now()
                cutoffs << cutoff
                assert batches.run(cutoff, admin).created()
                model.payout([sellers[0], sellers[1], sellers[3]])
            } else {
                // a payout account change: the next payout goes to the new one
                send(CatalogEvents.STREAM, SellerPayoutAccountChanged.TYPE, sellers[1],
                        LedgerDb.bank(sellers[1], '970422', "${1_000_000 + step}", 'Lê Văn Tám', step + 2))
            }
        }

        then: 'every entry balances, and its declared amount is its debits'
        Infra.rows(tx, '''SELECT e.id FROM ledger_entries e JOIN ledger_lines l ON l.entry_id = e.id GROUP BY e.id, e.amount_vnd
                          HAVING SUM(l.debit_vnd) <> SUM(l.credit_vnd) OR SUM(l.debit_vnd) <> e.amount_vnd''').isEmpty()
        Infra.count(tx, 'SELECT COUNT(*) FROM ledger_entries') > 0

        and: 'over all accounts the balances sum to zero'
        Infra.count(tx, 'SELECT COALESCE(SUM(debit_vnd - credit_vnd), 0) FROM ledger_lines') == 0

        and: 'the platform accounts hold what the sequence moved'
        LedgerDb.account(tx, 'CLEARING') == model.captured
        LedgerDb.account(tx, 'REFUNDS') == -model.refundedTotal
        LedgerDb.account(tx, 'PAYOUTS') == -model.paidOutTotal
        LedgerDb.account(tx, 'COMMISSION_REVENUE') == -model.commissionTotal
        model.captured - model.refundedTotal - model.paidOutTotal >= 0

        and: 'each seller has what the sequence says, and the kept balances agree with the lines'
        sellers.each { seller ->
            assert LedgerDb.balances(tx, seller) == model.balances(seller)
            assert -LedgerDb.account(tx, "SELLER_PENDING:$seller") == model.balances(seller).pending
            assert -LedgerDb.account(tx, "SELLER_AVAILABLE:$seller") == model.balances(seller).available
            assert LedgerDb.account(tx, "SELLER_RECEIVABLE:$seller") == model.balances(seller).owed
            assert Infra.count(tx, 'SELECT COALESCE(SUM(amount_vnd), 0) FROM payouts WHERE seller_id = ?', [seller.toString()]) ==
                    model.paidOut[seller]
        }
        Infra.count(tx, 'SELECT COUNT(*) FROM payouts WHERE seller_id = ?', [sellers[2].toString()]) == 0

        when: 'every event is delivered again, and published again as a new event; every batch is run again'
        def before = LedgerDb.snapshot(tx)
        sent.each { stream, envelope -> assert dispatcher.dispatch(stream, envelope) == EventDispatcher.Outcome.DUPLICATE }
        sent.each { stream, EventEnvelope envelope ->
            def again = new EventEnvelope(Ids.newId(), envelope.type(), envelope.version(), envelope.occurredAt(),
                    envelope.aggregateId(), null, envelope.data())
            assert dispatcher.dispatch(stream, again) == EventDispatcher.Outcome.HANDLED
        }
        cutoffs.each { assert !batches.run(it, admin).created() }

        then: 'nothing changed'
        LedgerDb.snapshot(tx) == before

        where:
        steps << [300]
    }

    private void send(String stream, String type, UUID aggregateId, Object data) {
        def envelope = LedgerDb.envelope(json, type, aggregateId, data)
        assert dispatcher.dispatch(stream, envelope) == EventDispatcher.Outcome.HANDLED
        sent << [stream, envelope]
    }

    /** The spec's own account of the money, from the generated sequence. */
    static class Model {
        List<UUID> sellers
        Map<UUID, String> groupOf
        Map<UUID, Integer> sellerBps
        Map<UUID, Order> orders = [:]
        Map<UUID, Long> pending = [:].withDefault { 0L }
        Map<UUID, Long> available = [:].withDefault { 0L }
        Map<UUID, Long> owed = [:].withDefault { 0L }
        Map<UUID, Long> paidOut = [:].withDefault { 0L }
        long captured, refundedTotal, paidOutTotal, commissionTotal

        static class Order {
            UUID id, seller
            List<CheckoutPlaced.Line> lines
            long goods, shipping, paid, refunded
            boolean cod, completed
        }

        void placed(UUID id, UUID seller, List<CheckoutPlaced.Line> lines, long shipping, boolean cod) {
            long goods = LedgerDb.goods(lines)
            def order = new Order(id: id, seller: seller, lines: lines, goods: goods, shipping: shipping, cod: cod,
                    paid: cod ? 0 : goods + shipping)
            orders[id] = order
            if (!cod) {
                captured += order.paid
                pending[seller] += order.paid
            }
        }

        List<Order> open() { orders.values().findAll { !it.completed } as List }

        List<Order> refundable() { orders.values().findAll { !it.cod && it.paid > it.refunded } as List }

        void complete(Order order) {
            long base = order.goods - Math.min(order.goods, order.refunded)
            long fee = commission(order, base)
            if (order.cod) {
                owed[order.seller] += fee
            } else {
                long held = order.paid - order.refunded
                fee = Math.min(fee, held)
                pending[order.seller] -= held
                available[order.seller] += held - fee
            }
            commissionTotal += fee
            order.completed = true
        }

        void refund(Order order, long amount) {
            if (order.completed) {
                long fromAvailable = Math.min(amount, available[order.seller])
                available[order.seller] -= fromAvailable
                owed[order.seller] += amount - fromAvailable
            } else {
                pending[order.seller] -= amount
            }
            order.refunded += amount
            refundedTotal += amount
        }

        void payout(List<UUID> withAccount) {
            withAccount.each { seller ->
                long amount = available[seller] - owed[seller]
                if (amount > 0) {
                    paidOut[seller] += amount
                    paidOutTotal += amount
                    available[seller] = 0
                    owed[seller] = 0
                }
            }
        }

        Map<String, Long> balances(UUID seller) {
            [pending: pending[seller], available: available[seller], owed: owed[seller]]
        }

        /** Half up of sum(amount x rate) x base / (goods x 10000): the rule, computed in decimals. */
        long commission(Order order, long base) {
            if (base <= 0) {
                return 0
            }
            BigDecimal weighted = order.lines.sum { line ->
                int bps = sellerBps[order.seller] ?: (GROUP_BPS[groupOf[line.productId()]] ?: DEFAULT_BPS)
                (line.quantity() * line.unitPriceVnd()) as BigDecimal * bps
            } as BigDecimal
            weighted.multiply(base as BigDecimal).divide((order.goods * 10_000) as BigDecimal, 0, RoundingMode.HALF_UP) as long
        }
    }
}
