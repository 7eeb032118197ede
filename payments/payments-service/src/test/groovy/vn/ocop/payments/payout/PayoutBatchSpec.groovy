package vn.ocop.payments.payout

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.nio.charset.StandardCharsets
import java.time.Instant
import java.time.temporal.ChronoUnit
import org.apache.commons.csv.CSVFormat
import vn.ocop.catalog.api.CatalogEvents
import vn.ocop.catalog.api.ProductPublished
import vn.ocop.catalog.api.SellerPayoutAccountChanged
import vn.ocop.orders.api.OrderCompleted
import vn.ocop.orders.api.OrderConfirmed
import vn.ocop.orders.api.OrderPaid
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.ledger.LedgerDb
import vn.ocop.platform.Infra
import vn.ocop.platform.ServiceSpecification
import vn.ocop.platform.consumer.EventDispatcher
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

/**
 * Payout batches through the administrators' API: who is paid what, to which account, the sellers skipped, the cut-off,
 * running a batch twice, the PayoutPaid events and the bank's CSV file. Catalog's payout accounts arrive on its stream in
 * Redis; the money events go through the platform's dispatcher (inbox and transaction, as from the stream).
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'PayoutBatchSpec')
@Property(name = 'ocop.events.relay.enabled', value = 'false')
@Property(name = 'ocop.payments.refunds.worker.enabled', value = 'false')
@Property(name = 'ocop.payments.payouts.schedule.enabled', value = 'false')
class PayoutBatchSpec extends ServiceSpecification {

    static final String BATCHES = '/api/v1/admin/payments/payout-batches'

    @Inject EventDispatcher dispatcher
    UUID admin = Ids.newId()

    def setup() {
        LedgerDb.clean(tx)
    }

    def "a batch pays each seller its available money less what it owes, to its latest account, and skips one without"() {
        given: 'three sellers with completed orders; one owes the commission of a cash-on-delivery order'
        UUID hoQuang = Ids.newId(), daiDong = Ids.newId(), noAccount = Ids.newId()
        fromCatalog(LedgerDb.bank(hoQuang, '970436', '0071000999999', 'Ho Quang Cu', 1))
        fromCatalog(LedgerDb.bank(hoQuang, '970436', '0071000123456', 'Hồ Quang Cua', 2))
        fromCatalog(LedgerDb.bank(hoQuang, '970436', '0071000999999', 'Ho Quang Cu', 1)) // late and older: ignored
        fromCatalog(LedgerDb.wallet(daiDong, 'MOMO', '0987654321'))
        completedOrder(hoQuang, 1_000_000, 30_000)      // 5% of 1,000,000: seller gets 980,000
        completedCodOrder(hoQuang, 220_000)              // owes 11,000
        completedOrder(daiDong, 300_000, 0)              // gets 285,000
        completedOrder(noAccount, 100_000, 0)            // 95,000, but nowhere to send it

        when:
        def response = runBatch(Instant.now())

        then:
        response.status().code == 201
        def batch = body(response)
        batch.payoutCount == 2
        batch.totalVnd == 969_000 + 285_000
        batch.payouts.collectEntries { [(it.sellerId): [it.amountVnd, it.nettedVnd, it.method, it.institution, it.accountMasked]] } == [
                (hoQuang.toString()): [969_000, 11_000, 'BANK_ACCOUNT', '970436', '***3456'],
                (daiDong.toString()): [285_000, 0, 'MOBILE_WALLET', 'MOMO', '***4321']]
        batch.skipped == [[sellerId: noAccount.toString(), amountVnd: 95_000, reason: 'NO_PAYOUT_ACCOUNT']]

        and: 'the paid sellers have nothing left; the skipped one keeps its money'
        LedgerDb.balances(tx, hoQuang) == [pending: 0L, available: 0L, owed: 0L]
        LedgerDb.balances(tx, daiDong) == [pending: 0L, available: 0L, owed: 0L]
        LedgerDb.balances(tx, noAccount) == [pending: 0L, available: 95_000L, owed: 0L]

        and: 'each payout is announced, the account masked'
        def events = Infra.rows(tx, "SELECT envelope FROM outbox WHERE event_type = 'PayoutPaid'").collect {
            json.readValue(it.envelope as String, Map).data
        }
        events.collect { it.subMap('sellerId', 'amountVnd', 'nettedVnd', 'accountMasked', 'batchId') } as Set == [
                [sellerId: hoQuang.toString(), amountVnd: 969_000, nettedVnd: 11_000, accountMasked: '***3456', batchId: batch.id],
                [sellerId: daiDong.toString(), amountVnd: 285_000, nettedVnd: 0, accountMasked: '***4321', batchId: batch.id]] as Set
        events.every { it.reference ==~ /PO-[0-9A-Z]{8}/ }

        when: 'the bank file'
        def csv = http.toBlocking().exchange(HttpRequest.GET("$BATCHES/${batch.id}/payouts.csv").bearerAuth(TestIdentity.admin(admin)),
                byte[])

        then:
        csv.contentType.get().toString().startsWith('text/csv')
        csv.header('Content-Disposition') ==~ /attachment; filename="ocop-payouts-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.csv"/
        def rows = CSVFormat.RFC4180.parse(new StringReader(new String(csv.body(), StandardCharsets.UTF_8))).records*.toList()
        rows[0] == ['beneficiary_bank_bin_or_wallet', 'account_number', 'beneficiary_name', 'amount_vnd', 'description']
        rows.drop(1).collect { it.take(4) } as Set == [['970436', '0071000123456', 'HO QUANG CUA', '969000'],
                                                      ['MOMO', '0987654321', '', '285000']] as Set
        rows.drop(1).every { it[4] ==~ /OCOP PO-[0-9A-Z]{8} CHI TRA NGUOI BAN/ }
    }

    def "a batch counts only what was recorded by its cut-off, and running it again pays nothing twice"() {
        given:
        UUID seller = Ids.newId()
        fromCatalog(LedgerDb.wallet(seller, 'ZALOPAY', '0912345678'))
        completedOrder(seller, 200_000, 0)                // 190,000
        Instant cutoff = Instant.now()
        completedOrder(seller, 400_000, 0)                // 380,000, after the cut-off

        when:
        def first = runBatch(cutoff)
        def again = runBatch(cutoff)

        then:
        first.status().code == 201
        body(first).payouts*.amountVnd == [190_000]
        again.status().code == 200
        body(again).id == body(first).id
        !body(again).created
        Infra.count(tx, 'SELECT COUNT(*) FROM payouts WHERE seller_id = ?', [seller.toString()]) == 1
        LedgerDb.balances(tx, seller).available == 380_000L

        when: 'the next batch takes the rest'
        def next = runBatch(Instant.now())

        then:
        body(next).payouts*.amountVnd == [380_000]
        LedgerDb.balances(tx, seller).available == 0L
    }

    def "a seller whose debts exceed its available money is not paid, and keeps both"() {
        given:
        UUID seller = Ids.newId()
        fromCatalog(LedgerDb.wallet(seller, 'MOMO', '0911111111'))
        completedOrder(seller, 100_000, 0)                // 95,000 available
        (1..20).each { completedCodOrder(seller, 100_000) } // owes 100,000

        when:
        def batch = body(runBatch(Instant.now()))

        then:
        batch.payoutCount == 0
        batch.skipped == []
        LedgerDb.balances(tx, seller) == [pending: 0L, available: 95_000L, owed: 100_000L]
    }

    def "#problem: #status, and no batch is made"() {
        when:
        def response = call(HttpRequest.POST(BATCHES, request).bearerAuth(token))

        then:
        response.status().code == status
        response.contentType.get().toString().startsWith('application/problem+json') || status == 403
        Infra.count(tx, 'SELECT COUNT(*) FROM payout_batches') == 0

        where:
        problem              | request                                                        | token                             || status
        'a cut-off to come'  | [cutoff: Instant.now().plus(1, ChronoUnit.DAYS).toString()]   | TestIdentity.admin(Ids.newId())   || 422
        'no cut-off'         | [:]                                                            | TestIdentity.admin(Ids.newId())   || 400
        'not a time'         | [cutoff: 'thứ hai']                                            | TestIdentity.admin(Ids.newId())   || 400
        'a seller'           | [cutoff: Instant.now().toString()]                            | TestIdentity.seller(Ids.newId())  || 403
        'an officer'         | [cutoff: Instant.now().toString()]                            | TestIdentity.officer(Ids.newId(), '92') || 403
    }

    def "an unknown batch is a 404 problem"() {
        expect:
        def response = call(HttpRequest.GET("$BATCHES/${Ids.newId()}").bearerAuth(TestIdentity.admin(admin)))
        response.status().code == 404
        body(response).code == 'payout_batch_not_found'
    }

    private HttpResponse<Map> runBatch(Instant cutoff) {
        call(HttpRequest.POST(BATCHES, [cutoff: cutoff.toString()]).bearerAuth(TestIdentity.admin(admin)))
    }

    /** Catalog's event on its stream in Redis, and the wait until payments handled it. */
    private void fromCatalog(SellerPayoutAccountChanged change) {
        def envelope = LedgerDb.envelope(json, SellerPayoutAccountChanged.TYPE, change.sellerId(), change)
        redis.sync().xadd(CatalogEvents.STREAM, [id: envelope.id().toString(), type: envelope.type(),
                                                 envelope: json.writeValueAsString(envelope)])
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM inbox WHERE event_id = ?', [envelope.id().toString()]) == 1
        }
    }

    private void completedOrder(UUID seller, long goods, long shipping) {
        UUID order = Ids.newId(), product = Ids.newId()
        dispatch(CatalogEvents.STREAM, ProductPublished.TYPE, product, LedgerDb.product(product, seller, 'FOOD'))
        dispatch(OrdersEvents.STREAM, OrderPaid.TYPE, order, LedgerDb.paid(order, seller, [LedgerDb.line(product, 1, goods)], shipping))
        dispatch(OrdersEvents.STREAM, OrderCompleted.TYPE, order, LedgerDb.completed(order, seller, PaymentMethod.VNPAY, goods, shipping))
    }

    private void completedCodOrder(UUID seller, long goods) {
        UUID order = Ids.newId(), product = Ids.newId()
        dispatch(CatalogEvents.STREAM, ProductPublished.TYPE, product, LedgerDb.product(product, seller, 'FOOD'))
        dispatch(OrdersEvents.STREAM, OrderConfirmed.TYPE, order, LedgerDb.confirmed(order, seller, [LedgerDb.line(product, 1, goods)], 0))
        dispatch(OrdersEvents.STREAM, OrderCompleted.TYPE, order, LedgerDb.completed(order, seller, PaymentMethod.COD, goods, 0))
    }

    private void dispatch(String stream, String type, UUID aggregateId, Object data) {
        assert dispatcher.dispatch(stream, LedgerDb.envelope(json, type, aggregateId, data)) == EventDispatcher.Outcome.HANDLED
    }
}
