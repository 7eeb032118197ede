package vn.ocop.payments.ledger

import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.time.Instant
import vn.ocop.catalog.api.CatalogEvents
import vn.ocop.catalog.api.ProductPublished
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
import vn.ocop.platform.event.Ids

/**
 * What each money event posts, one situation at a time: a refund that overtakes its payment, refunds after completion
 * and after a payout, cash on delivery, an order completed that the ledger never saw paid, catalog's older snapshots.
 * Events come through the platform's dispatcher (inbox and transaction, as from the streams).
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'LedgerEventsSpec')
@Property(name = 'ocop.events.consumer.enabled', value = 'false')
@Property(name = 'ocop.events.relay.enabled', value = 'false')
@Property(name = 'ocop.payments.refunds.worker.enabled', value = 'false')
@Property(name = 'ocop.payments.payouts.schedule.enabled', value = 'false')
class LedgerEventsSpec extends ServiceSpecification {

    @Inject EventDispatcher dispatcher
    UUID seller = Ids.newId()
    UUID rice = Ids.newId()

    def setup() {
        LedgerDb.clean(tx)
        dispatch(CatalogEvents.STREAM, ProductPublished.TYPE, rice, LedgerDb.product(rice, seller, 'FOOD'))
    }

    def "a refund that arrives before its order's payment waits, and is posted right after it"() {
        given:
        UUID order = Ids.newId()
        def refund = LedgerDb.refunded(order, 50_000)

        when:
        dispatch(PaymentsEvents.STREAM, RefundCompleted.TYPE, order, refund)

        then:
        Infra.rows(tx, 'SELECT state, applied_vnd FROM ledger_refunds') == [[state: 'WAITING', applied_vnd: 0]]
        Infra.count(tx, 'SELECT COUNT(*) FROM ledger_entries') == 0

        when:
        dispatch(OrdersEvents.STREAM, OrderPaid.TYPE, order, LedgerDb.paid(order, seller, [LedgerDb.line(rice, 1, 200_000)], 20_000))

        then:
        Infra.rows(tx, 'SELECT state, applied_vnd FROM ledger_refunds') == [[state: 'APPLIED', applied_vnd: 50_000]]
        Infra.rows(tx, 'SELECT entry_type FROM ledger_entries ORDER BY seq')*.entry_type == ['ORDER_PAID', 'REFUND']
        LedgerDb.balances(tx, seller) == [pending: 170_000L, available: 0L, owed: 0L]
    }

    def "a refund larger than what the order still holds posts only what it holds"() {
        given:
        UUID order = Ids.newId()
        dispatch(OrdersEvents.STREAM, OrderPaid.TYPE, order, LedgerDb.paid(order, seller, [LedgerDb.line(rice, 1, 100_000)], 0))
        dispatch(PaymentsEvents.STREAM, RefundCompleted.TYPE, order, LedgerDb.refunded(order, 70_000))

        when:
        dispatch(PaymentsEvents.STREAM, RefundCompleted.TYPE, order, LedgerDb.refunded(order, 70_000))

        then:
        Infra.rows(tx, 'SELECT amount_vnd, applied_vnd FROM ledger_refunds ORDER BY applied_vnd DESC') ==
                [[amount_vnd: 70_000, applied_vnd: 70_000], [amount_vnd: 70_000, applied_vnd: 30_000]]
        LedgerDb.balances(tx, seller) == [pending: 0L, available: 0L, owed: 0L]
        LedgerDb.account(tx, 'REFUNDS') == -100_000L
    }

    def "a refund after completion comes out of what is available, and what was already paid out becomes owed"() {
        given: 'a completed order: 200,000 of rice, 5% commission'
        UUID order = Ids.newId()
        dispatch(OrdersEvents.STREAM, OrderPaid.TYPE, order, LedgerDb.paid(order, seller, [LedgerDb.line(rice, 1, 200_000)], 0))
        dispatch(OrdersEvents.STREAM, OrderCompleted.TYPE, order, LedgerDb.completed(order, seller, PaymentMethod.VNPAY, 200_000, 0))

        when: 'half is given back'
        dispatch(PaymentsEvents.STREAM, RefundCompleted.TYPE, order, LedgerDb.refunded(order, 100_000))

        then: 'the commission stays taken'
        LedgerDb.balances(tx, seller) == [pending: 0L, available: 90_000L, owed: 0L]
        LedgerDb.account(tx, 'COMMISSION_REVENUE') == -10_000L

        when: 'the rest, more than is available'
        dispatch(PaymentsEvents.STREAM, RefundCompleted.TYPE, order, LedgerDb.refunded(order, 100_000))

        then:
        LedgerDb.balances(tx, seller) == [pending: 0L, available: 0L, owed: 10_000L]
    }

    def "cash on delivery posts nothing until completion, then the seller owes the commission on the goods"() {
        given:
        UUID order = Ids.newId()

        when:
        dispatch(OrdersEvents.STREAM, OrderConfirmed.TYPE, order, LedgerDb.confirmed(order, seller, [LedgerDb.line(rice, 3, 70_000)], 30_000))

        then:
        Infra.count(tx, 'SELECT COUNT(*) FROM ledger_entries') == 0

        when:
        dispatch(OrdersEvents.STREAM, OrderCompleted.TYPE, order, LedgerDb.completed(order, seller, PaymentMethod.COD, 210_000, 30_000))

        then:
        LedgerDb.balances(tx, seller) == [pending: 0L, available: 0L, owed: 10_500L]
        Infra.rows(tx, 'SELECT entry_type, amount_vnd FROM ledger_entries') == [[entry_type: 'COD_COMMISSION', amount_vnd: 10_500]]
        LedgerDb.account(tx, 'CLEARING') == 0L
    }

    def "an order completed that the ledger never saw paid is booked paid and completed, at the default rate"() {
        given:
        UUID order = Ids.newId()

        when:
        dispatch(OrdersEvents.STREAM, OrderCompleted.TYPE, order, LedgerDb.completed(order, seller, PaymentMethod.VNPAY, 300_000, 20_000))

        then:
        Infra.rows(tx, 'SELECT entry_type FROM ledger_entries ORDER BY seq')*.entry_type == ['ORDER_PAID', 'ORDER_COMPLETED']
        LedgerDb.balances(tx, seller) == [pending: 0L, available: 320_000L - 15_000L, owed: 0L]
    }

    def "catalog's older product snapshot does not undo a newer one"() {
        given:
        UUID tea = Ids.newId()

        when:
        dispatch(CatalogEvents.STREAM, ProductPublished.TYPE, tea, LedgerDb.product(tea, seller, 'BEVERAGES', 5))
        dispatch(CatalogEvents.STREAM, ProductPublished.TYPE, tea, LedgerDb.product(tea, seller, 'FOOD', 4))
        dispatch(CatalogEvents.STREAM, ProductPublished.TYPE, tea, LedgerDb.product(tea, seller, 'NOT_A_GROUP', 6))

        then: 'an unknown group is kept as none (the default rate)'
        Infra.rows(tx, 'SELECT ocop_group, revision FROM ledger_products WHERE product_id = ?', [tea.toString()]) ==
                [[ocop_group: null, revision: 6]]
    }

    def "a journal entry that does not balance cannot be built"() {
        when:
        JournalEntry.builder(JournalEntry.EntryType.REFUND, 'r-1', 'lệch', Instant.now())
                .debit(Account.pending(seller), 100).credit(Account.REFUNDS, 99).build()

        then:
        thrown(IllegalArgumentException)
    }

    def "a seller balance that would turn is refused by the schema, and the event changes nothing"() {
        given: 'a completion posted twice over by hand would take more from pending than the order put there'
        UUID order = Ids.newId()
        dispatch(OrdersEvents.STREAM, OrderPaid.TYPE, order, LedgerDb.paid(order, seller, [LedgerDb.line(rice, 1, 100_000)], 0))
        Infra.execute(tx, 'UPDATE ledger_orders SET paid_vnd = 150000 WHERE order_id = ?', [order.toString()])
        def completed = LedgerDb.envelope(json, OrderCompleted.TYPE, order, LedgerDb.completed(order, seller, PaymentMethod.VNPAY, 100_000, 0))

        when:
        dispatcher.dispatch(OrdersEvents.STREAM, completed)

        then:
        thrown(RuntimeException)
        LedgerDb.balances(tx, seller) == [pending: 100_000L, available: 0L, owed: 0L]
        Infra.count(tx, 'SELECT COUNT(*) FROM inbox WHERE event_id = ?', [completed.id().toString()]) == 0
    }

    private void dispatch(String stream, String type, UUID aggregateId, Object data) {
        assert dispatcher.dispatch(stream, LedgerDb.envelope(json, type, aggregateId, data)) == EventDispatcher.Outcome.HANDLED
    }
}
