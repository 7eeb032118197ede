package vn.ocop.payments.admin

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.time.Duration
import java.time.Instant
import java.time.temporal.ChronoUnit
import org.apache.commons.csv.CSVFormat
import vn.ocop.payments.PaymentsDb
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.session.PaymentSession
import vn.ocop.payments.session.PaymentSessions
import vn.ocop.platform.Infra
import vn.ocop.platform.ServiceSpecification
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

/**
 * The reconciliation view over HTTP against a known mix of sessions, refunds, notifications, queries and transfers
 * inserted here: every figure equals the one worked out by hand below.
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'ReconciliationSpec')
@Property(name = 'ocop.events.consumer.enabled', value = 'false')
@Property(name = 'ocop.events.relay.enabled', value = 'false')
@Property(name = 'ocop.payments.refunds.worker.enabled', value = 'false')
@Property(name = 'ocop.payments.payouts.schedule.enabled', value = 'false')
@Property(name = 'ocop.vnpay.reconcile.enabled', value = 'false')
class ReconciliationSpec extends ServiceSpecification {

    static final String VIEW = '/api/v1/admin/payments/reconciliation'

    @Inject PaymentSessions sessions
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS)
    PaymentSession c1, c2, c3, c4, s1, s3
    UUID r1, r2, r4

    /**
     * Nothing is left behind: a REQUESTED refund left in the shared test database would be taken by the next spec's
     * refund worker as soon as its context starts.
     */
    def cleanup() {
        PaymentsDb.clean(tx)
    }

    def setup() {
        Infra.execute(tx, 'DELETE FROM card_webhook_events')
        PaymentsDb.clean(tx)
        // sessions, all opened now: two open, one failed, one expired, four captured
        s1 = sessions.save(PaymentsDb.openSession(amountVnd: 100_000))
        sessions.save(PaymentsDb.openSession(amountVnd: 200_000, method: PaymentMethod.VIETQR))
        s3 = sessions.save(PaymentsDb.openSession(amountVnd: 300_000))
        def s4 = sessions.save(PaymentsDb.openSession(amountVnd: 400_000))
        Infra.execute(tx, "UPDATE payment_sessions SET state = 'FAILED' WHERE id = ?", [s3.id().toString()])
        Infra.execute(tx, "UPDATE payment_sessions SET state = 'EXPIRED' WHERE id = ?", [s4.id().toString()])
        c1 = sessions.save(PaymentsDb.capturedSession(amountVnd: 500_000, paidAt: now))
        // captured an hour after its session expired: late by its times
        c2 = sessions.save(PaymentsDb.capturedSession(amountVnd: 600_000, paidAt: now.plus(Duration.ofHours(1))))
        // captured in time, but orders found its checkout cancelled and asked for the whole payment back: late
        c3 = sessions.save(PaymentsDb.capturedSession(amountVnd: 700_000, paidAt: now))
        // a bank transfer with 30 000 VND too much: its excess refund names no order, and is no late payment
        c4 = sessions.save(PaymentsDb.capturedSession(amountVnd: 800_000, paidAt: now, method: PaymentMethod.VIETQR))

        r1 = refund(c3, null, 700_000, 'REQUESTED', now.minus(Duration.ofHours(2)))
        r2 = refund(c1, Ids.newId(), 100_000, 'REQUESTED', now.minus(Duration.ofMinutes(30)))
        refund(c1, Ids.newId(), 50_000, 'FAILED', now)
        r4 = refund(c4, null, 30_000, 'SUCCEEDED', now)
        transfer(c4, 'OVERPAID', 830_000, 30_000, r4)
        transfer(null, 'UNMATCHED', 150_000, 0, null)
        transfer(null, 'UNMATCHED', 250_000, 0, null)

        // c1: two IPNs with a tampered amount (490 000 VND), three repeats after it was paid; c2: one repeat; one IPN fine
        2.times { notification(c1.txnRef(), '04', 49_000_000) }
        3.times { notification(c1.txnRef(), '02', 50_000_000) }
        notification(c2.txnRef(), '02', 60_000_000)
        notification(c3.txnRef(), '00', 70_000_000)

        query(s1, 'AMOUNT_MISMATCH', '00/00')
        query(s3, 'UNPAID', '00/02')

        // cash collected at the door for two cash-on-delivery orders: one now, one three hours ago
        collection(470_000, now)
        collection(215_000, now.minus(Duration.ofHours(3)))
    }

    def "the view adds up the known mix exactly"() {
        when:
        def view = read(HttpRequest.GET(VIEW).bearerAuth(TestIdentity.admin(Ids.newId())))

        then: 'sessions by state and method'
        view.sessions == [
                [state: 'EXPIRED', method: 'VNPAY', count: 1, amountVnd: 400_000, receivedVnd: 0],
                [state: 'FAILED', method: 'VNPAY', count: 1, amountVnd: 300_000, receivedVnd: 0],
                [state: 'OPEN', method: 'VIETQR', count: 1, amountVnd: 200_000, receivedVnd: 0],
                [state: 'OPEN', method: 'VNPAY', count: 1, amountVnd: 100_000, receivedVnd: 0],
                [state: 'SUCCEEDED', method: 'VIETQR', count: 1, amountVnd: 800_000, receivedVnd: 800_000],
                [state: 'SUCCEEDED', method: 'VNPAY', count: 3, amountVnd: 1_800_000, receivedVnd: 1_800_000]]

        and: 'what was collected by method: the captures of cashless sessions, and the cash on delivery as non-cashless'
        view.collected == [
                [method: 'VNPAY', cashless: true, count: 3, amountVnd: 1_800_000],
                [method: 'VIETQR', cashless: true, count: 1, amountVnd: 800_000],
                [method: 'COD', cashless: false, count: 2, amountVnd: 685_000]]

        and: 'refunds by state, and the pending ones with the oldest two hours old'
        view.refunds == [[state: 'FAILED', count: 1, amountVnd: 50_000], [state: 'REQUESTED', count: 2, amountVnd: 800_000],
                         [state: 'SUCCEEDED', count: 1, amountVnd: 30_000]]
        view.pendingRefunds.count == 2
        view.pendingRefunds.amountVnd == 800_000
        Instant.parse(view.pendingRefunds.oldestRequestedAt as String) == now.minus(Duration.ofHours(2))
        (view.pendingRefunds.oldestRequestedAtLocal as String).endsWith('+07:00')
        (view.pendingRefunds.oldestAgeSeconds as long) >= 7_200

        and: 'the IPNs with a wrong amount, what they said and what the session asked'
        view.amountMismatches.total == 2
        view.amountMismatches.rows*.subMap(['txnRef', 'sessionId', 'sessionAmountVnd', 'notifiedAmountVnd']) ==
                [[txnRef: c1.txnRef(), sessionId: c1.id().toString(), sessionAmountVnd: 500_000, notifiedAmountVnd: 490_000]] * 2

        and: 'repeated notifications of settled sessions, counted per session'
        view.repeatedNotifications.total == 2
        view.repeatedNotifications.rows*.subMap(['txnRef', 'sessionId', 'sessionState', 'count']) == [
                [txnRef: c1.txnRef(), sessionId: c1.id().toString(), sessionState: 'SUCCEEDED', count: 3],
                [txnRef: c2.txnRef(), sessionId: c2.id().toString(), sessionState: 'SUCCEEDED', count: 1]]

        and: 'late payments: one by its times, one by the refund orders asked for; not the excess transfer'
        view.latePayments.total == 2
        view.latePayments.rows.collect { [it.sessionId, it.amountVnd, it.refundId, it.refundState] } as Set == [
                [c2.id().toString(), 600_000, null, null],
                [c3.id().toString(), 700_000, r1.toString(), 'REQUESTED']] as Set

        and: 'querydr amount mismatches and unmatched bank transfers'
        view.queryAmountMismatches.total == 1
        view.queryAmountMismatches.rows*.subMap(['sessionId', 'amountVnd', 'lastCode']) ==
                [[sessionId: s1.id().toString(), amountVnd: 100_000, lastCode: '00/00']]
        view.unmatchedTransfers.total == 2
        view.unmatchedTransfers.rows*.amountVnd as Set == [150_000, 250_000] as Set
    }

    def "a window, a method and a cap narrow the view"() {
        given:
        def admin = TestIdentity.admin(Ids.newId())
        String from = URLEncoder.encode(now.minus(Duration.ofHours(1)).atOffset(java.time.ZoneOffset.ofHours(7)).toString(), 'UTF-8')

        when: 'from an hour ago: the two-hour-old refund is out'
        def recent = read(HttpRequest.GET("$VIEW?from=$from").bearerAuth(admin))

        then:
        recent.refunds == [[state: 'FAILED', count: 1, amountVnd: 50_000], [state: 'REQUESTED', count: 1, amountVnd: 100_000],
                           [state: 'SUCCEEDED', count: 1, amountVnd: 30_000]]
        recent.pendingRefunds.count == 1
        recent.sessions*.count.sum() == 8
        recent.collected.find { it.method == 'COD' } == [method: 'COD', cashless: false, count: 1, amountVnd: 470_000]

        when: 'bank transfers only'
        def vietqr = read(HttpRequest.GET("$VIEW?method=VIETQR").bearerAuth(admin))

        then:
        vietqr.sessions*.subMap(['state', 'method', 'count']) == [[state: 'OPEN', method: 'VIETQR', count: 1],
                                                                 [state: 'SUCCEEDED', method: 'VIETQR', count: 1]]
        vietqr.refunds == [[state: 'SUCCEEDED', count: 1, amountVnd: 30_000]]
        vietqr.pendingRefunds.count == 0
        vietqr.pendingRefunds.amountVnd == 0
        vietqr.pendingRefunds.oldestRequestedAt == null
        vietqr.amountMismatches == [total: 0, rows: []]
        vietqr.repeatedNotifications == [total: 0, rows: []]
        vietqr.latePayments == [total: 0, rows: []]
        vietqr.unmatchedTransfers.total == 2
        vietqr.collected == [[method: 'VIETQR', cashless: true, count: 1, amountVnd: 800_000]]

        when: 'cash on delivery only: no session, no refund, the cash collected'
        def cod = read(HttpRequest.GET("$VIEW?method=COD").bearerAuth(admin))

        then:
        cod.sessions == []
        cod.collected == [[method: 'COD', cashless: false, count: 2, amountVnd: 685_000]]
        cod.refunds == []

        when: 'one row per list'
        def capped = read(HttpRequest.GET("$VIEW?limit=1").bearerAuth(admin))

        then: 'the totals still count them all'
        capped.amountMismatches.total == 2
        capped.amountMismatches.rows.size() == 1
        capped.repeatedNotifications.total == 2
        capped.repeatedNotifications.rows*.count == [3]
        capped.unmatchedTransfers.rows.size() == 1

        when: 'a window in the future'
        String later = URLEncoder.encode(now.plus(Duration.ofDays(1)).atOffset(java.time.ZoneOffset.UTC).toString(), 'UTF-8')
        def empty = read(HttpRequest.GET("$VIEW?from=$later").bearerAuth(admin))

        then:
        empty.sessions == []
        empty.collected == []
        empty.refunds == []
        empty.latePayments.total == 0
        empty.unmatchedTransfers.total == 0
    }

    def "the view as a CSV file: one row per figure, the same figures as the JSON, text a spreadsheet would run made inert"() {
        given: 'a transfer whose description, typed by the buyer, is a formula'
        transfer(null, 'UNMATCHED', 90_000, 0, null, '=HYPERLINK("http://evil.example","Xem hoá đơn")')
        def admin = TestIdentity.admin(Ids.newId())

        when:
        def response = http.toBlocking().exchange(HttpRequest.GET("${VIEW}.csv").bearerAuth(admin), String)
        def json = read(HttpRequest.GET(VIEW).bearerAuth(admin))

        then: 'a UTF-8 CSV file to download'
        response.status.code == 200
        response.headers.contentType.get().startsWith('text/csv')
        response.headers.contentType.get().contains('charset=utf-8')
        response.header('Content-Disposition') ==~ /attachment; filename="ocop-reconciliation-\d{8}-\d{6}\.csv"/
        def records = CSVFormat.RFC4180.parse(new StringReader(response.body())).records*.toList()
        records.first() == ReconciliationCsv.HEADER as List
        def rows = records.drop(1).collect { [ReconciliationCsv.HEADER as List, it].transpose().collectEntries() }

        and: 'a first row about the view itself, in the time of Viet Nam'
        rows.first().section == 'view'
        rows.first().time_local.endsWith('+07:00')
        rows.first().detail == 'from (open) to (open)'

        and: 'sessions, what was collected (cash on delivery as non-cashless) and refunds, as in the JSON'
        rows.findAll { it.section == 'sessions' }.collect { [it.state, it.method, it.count, it.amount_vnd, it.received_vnd] } ==
                json.sessions.collect { [it.state, it.method, "$it.count", "$it.amountVnd", "$it.receivedVnd"] }
        rows.findAll { it.section == 'collected' }.collect { [it.method, it.cashless, it.count, it.amount_vnd] } ==
                [['VNPAY', 'true', '3', '1800000'], ['VIETQR', 'true', '1', '800000'], ['COD', 'false', '2', '685000']]
        rows.findAll { it.section == 'refunds' }.collect { [it.state, it.count, it.amount_vnd] } ==
                [['FAILED', '1', '50000'], ['REQUESTED', '2', '800000'], ['SUCCEEDED', '1', '30000']]
        rows.find { it.section == 'pending_refunds' }.subMap(['state', 'count', 'amount_vnd']) ==
                [state: 'REQUESTED', count: '2', amount_vnd: '800000']

        and: 'the full count of each list, and its rows'
        rows.findAll { it.section == 'totals' }.collectEntries { [(it.detail): it.count] } ==
                [amount_mismatches: '2', repeated_notifications: '2', late_payments: '2', query_amount_mismatches: '1',
                 unmatched_transfers: '3']
        rows.findAll { it.section == 'amount_mismatches' }.collect { [it.txn_ref, it.amount_vnd, it.received_vnd] } ==
                [[c1.txnRef(), '500000', '490000']] * 2
        rows.findAll { it.section == 'repeated_notifications' }.collect { [it.txn_ref, it.state, it.count] } ==
                [[c1.txnRef(), 'SUCCEEDED', '3'], [c2.txnRef(), 'SUCCEEDED', '1']]
        rows.findAll { it.section == 'late_payments' }.collect { [it.session_id, it.reference, it.detail] } as Set ==
                [[c2.id().toString(), '', ''], [c3.id().toString(), r1.toString(), 'REQUESTED']] as Set
        rows.findAll { it.section == 'query_amount_mismatches' }.collect { [it.session_id, it.amount_vnd, it.detail] } ==
                [[s1.id().toString(), '100000', '00/00']]

        and: 'the unmatched transfers, with the Vietnamese intact; the description that is a formula starts the cell as text'
        def transfers = rows.findAll { it.section == 'unmatched_transfers' }
        transfers.every { it.reference ==~ /casso\/FT[0-9a-f]{16}/ }
        transfers.collect { [it.amount_vnd, it.detail] } as Set == [['150000', 'Thanh toán đơn hàng'], ['250000', 'Thanh toán đơn hàng'],
                                                                   ['90000', '\'=HYPERLINK("http://evil.example","Xem hoá đơn")']] as Set
        rows.every { row -> row.values().every { !(it ==~ /(?s)[=+\-@\t\r].*/) } }
    }

    def "the CSV file takes the same parameters: a method narrows it, bad ones are refused with problem+json; administrators only"() {
        given:
        def admin = TestIdentity.admin(Ids.newId())

        when:
        def cod = http.toBlocking().exchange(HttpRequest.GET("${VIEW}.csv?method=COD").bearerAuth(admin), String)
        def rows = CSVFormat.RFC4180.parse(new StringReader(cod.body())).records*.toList().drop(1)

        then:
        rows.findAll { it[0] in ['sessions', 'collected', 'refunds'] }.collect { it.take(6) } ==
                [['collected', 'COD', '', 'false', '2', '685000']]
        rows.first()[1] == 'COD'

        when:
        def bad = call(HttpRequest.GET("${VIEW}.csv?limit=0").bearerAuth(admin))

        then:
        bad.status.code == 400
        bad.headers.contentType.get().startsWith('application/problem+json')
        body(bad).code == 'invalid_request'

        expect: 'for administrators only'
        call(HttpRequest.GET("${VIEW}.csv")).status.code == 401
        call(HttpRequest.GET("${VIEW}.csv").bearerAuth(TestIdentity.officer(Ids.newId(), '89'))).status.code == 403
    }

    def "bad parameters are refused with problem+json: #problem"() {
        when:
        def response = call(HttpRequest.GET("$VIEW?$query").bearerAuth(TestIdentity.admin(Ids.newId())))

        then:
        response.status.code == 400
        response.headers.contentType.get().startsWith('application/problem+json')
        body(response).code == 'invalid_request'

        where:
        problem              | query
        'from after to'      | 'from=2026-11-02T00:00:00%2B07:00&to=2026-11-01T00:00:00%2B07:00'
        'a time sans offset' | 'from=2026-11-01T00:00:00'
        'an unknown method'  | 'method=BITCOIN'
        'a zero limit'       | 'limit=0'
        'a limit too large'  | 'limit=201'
    }

    def "only administrators read it: #who gets #status"() {
        expect:
        def request = HttpRequest.GET(VIEW)
        call(token ? request.bearerAuth(token) : request).status.code == status

        where:
        who          | token                                   || status
        'anonymous'  | null                                    || 401
        'a buyer'    | TestIdentity.buyer(Ids.newId())         || 403
        'a seller'   | TestIdentity.seller(Ids.newId())        || 403
        'an officer' | TestIdentity.officer(Ids.newId(), '89') || 403
    }

    private UUID refund(PaymentSession session, UUID orderId, long amount, String state, Instant requestedAt) {
        UUID id = Ids.newId()
        Infra.execute(tx, 'INSERT INTO refunds (id, checkout_id, order_id, session_id, method, amount_vnd, reason, state, attempts, '
                + 'next_attempt_at, in_doubt, requested_at, completed_at, created_at, updated_at) '
                + 'VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, FALSE, ?, ?, ?, ?)',
                [id.toString(), session.checkoutId().toString(), orderId?.toString(), session.id().toString(), session.method().name(),
                 amount, 'hoàn tiền', state, ts(requestedAt), ts(requestedAt), state == 'REQUESTED' ? null : ts(now), ts(now), ts(now)])
        id
    }

    private void transfer(PaymentSession session, String outcome, long amount, long excess, UUID refundId,
                          String description = 'Thanh toán đơn hàng') {
        Infra.execute(tx, 'INSERT INTO bank_transfers (id, source, transaction_id, amount_vnd, description, account_number, '
                + 'transferred_at, session_id, txn_ref, outcome, excess_vnd, refund_id, received_at) '
                + 'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                [Ids.newId().toString(), 'casso', 'FT' + UUID.randomUUID().toString().replace('-', '').take(16), amount, description,
                 '0123456789', ts(now), session?.id()?.toString(), session?.txnRef(), outcome, excess, refundId?.toString(), ts(now)])
    }

    private void notification(String txnRef, String answer, long vnpAmount) {
        Infra.execute(tx, 'INSERT INTO provider_notifications (id, provider, txn_ref, raw_query, signature_valid, answer_code, '
                + 'received_at) VALUES (?, ?, ?, ?, TRUE, ?, ?)',
                [Ids.newId().toString(), 'VNPAY', txnRef, "vnp_Amount=$vnpAmount&vnp_TxnRef=$txnRef&vnp_ResponseCode=00".toString(),
                 answer, ts(now)])
    }

    private void collection(long amount, Instant collectedAt) {
        UUID orderId = Ids.newId()
        Infra.execute(tx, 'INSERT INTO cod_collections (id, order_id, order_number, checkout_id, seller_id, amount_vnd, confirmed_by, '
                + 'collected_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
                [Ids.newId().toString(), orderId.toString(), 'OD-' + orderId.toString().takeRight(8).toUpperCase(), Ids.newId().toString(),
                 Ids.newId().toString(), amount, 'SELLER', ts(collectedAt), ts(now)])
    }

    private void query(PaymentSession session, String outcome, String code) {
        Infra.execute(tx, 'INSERT INTO vnpay_queries (session_id, attempts, next_query_at, done, last_outcome, last_code, '
                + 'last_queried_at) VALUES (?, 1, ?, TRUE, ?, ?, ?)', [session.id().toString(), ts(now), outcome, code, ts(now)])
    }

    private static java.sql.Timestamp ts(Instant at) {
        java.sql.Timestamp.from(at)
    }
}
