package vn.ocop.payments.vietqr

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.nio.charset.StandardCharsets
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import vn.ocop.orders.api.CheckoutCancelled
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.orders.api.RefundRequested
import vn.ocop.payments.PaymentsDb
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.ledger.LedgerDb
import vn.ocop.payments.session.PaymentSession
import vn.ocop.payments.session.PaymentSessions
import vn.ocop.platform.Infra
import vn.ocop.platform.ServiceSpecification
import vn.ocop.platform.consumer.EventDispatcher
import vn.ocop.platform.event.EventEnvelope
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

import static vn.ocop.payments.vietqr.VietQrTransfers.notice
import static vn.ocop.payments.vietqr.VietQrTransfers.description
import static vn.ocop.payments.vietqr.VietQrTransfers.signed

/**
 * Bank transfer notifications over HTTP, signed as a configured source signs them, applied to VietQR sessions in the
 * real database: exact, short and excess amounts, replays, forgeries, unknown references and late transfers.
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'BankNotificationSpec')
class BankNotificationSpec extends ServiceSpecification {

    @Inject PaymentSessions sessions
    @Inject EventDispatcher dispatcher

    PaymentSession session

    def setup() {
        PaymentsDb.clean(tx)
        session = sessions.save(PaymentsDb.openSession(method: PaymentMethod.VIETQR, amountVnd: 690_000))
    }

    def "a transfer of exactly the amount pays the session once, with PaymentSucceeded by VIETQR"() {
        when:
        def response = call(signed(notice('FT25327419051', 690_000, description(session.txnRef()))))

        then:
        response.status().code == 200
        body(response) == [transactionId: 'FT25327419051', outcome: 'PAID', replay: false, reference: session.txnRef(),
                           checkoutNumber: 'CK-7Q4M2X9P', state: 'SUCCEEDED', amountVnd: 690_000, receivedVnd: 690_000,
                           remainingVnd: 0, excessVnd: 0]
        def checkoutId = session.checkoutId().toString()
        with(PaymentsDb.session(tx, session.txnRef())) {
            state == 'SUCCEEDED'
            received_vnd == 690_000
            provider_transaction_no == 'FT25327419051'
            provider_bank_code == 'bank'
            captured_checkout_id == checkoutId
        }
        PaymentsDb.utc(PaymentsDb.session(tx, session.txnRef()).paid_at) == Instant.parse('2026-11-23T02:15:02Z')
        PaymentsDb.events(tx, json, session.id().toString()) == [[type: 'PaymentSucceeded', data: [
                sessionId        : session.id().toString(),
                checkoutId       : checkoutId,
                method           : 'VIETQR',
                amountVnd        : 690_000,
                providerReference: 'FT25327419051',
                paidAt           : '2026-11-23T02:15:02Z']]]
        transfers().collect { [it.transaction_id, it.amount_vnd, it.outcome, it.excess_vnd, it.refund_id, it.counter_account_name] } ==
                [['FT25327419051', 690_000, 'PAID', 0, null, 'NGUYỄN VĂN AN']]
        PaymentsDb.notifications(tx, session.txnRef()).collect { [it.signature_valid, it.answer_code] } == [[true, '200']]
        Infra.count(tx, 'SELECT COUNT(*) FROM refunds') == 0
    }

    def "short transfers keep the session open showing what arrived, and add up until the amount is reached"() {
        when: 'the buyer sends too little'
        def first = call(signed(notice('FT0001', 200_000, description(session.txnRef()))))

        then: 'the session stays open and says what is still to pay'
        first.status().code == 200
        body(first).subMap(['outcome', 'state', 'receivedVnd', 'remainingVnd']) ==
                [outcome: 'PARTIAL', state: 'OPEN', receivedVnd: 200_000, remainingVnd: 490_000]
        PaymentsDb.session(tx, session.txnRef()).received_vnd == 200_000
        PaymentsDb.events(tx, json, session.id().toString()).isEmpty()

        and: 'the buyer sees it, and the QR now asks for the rest'
        def rest = VietQrPayload.of('970415', VietQrTransfers.ACCOUNT, 490_000L, "OCOP ${session.txnRef()}")
        with(body(call(HttpRequest.GET("/payments/vietqr/${session.txnRef()}")))) {
            state == 'OPEN'
            amountVnd == 690_000
            receivedVnd == 200_000
            remainingVnd == 490_000
            qrPayload == rest
        }

        when: 'a second short transfer'
        def second = call(signed(notice('FT0002', 290_000, "OCOP ${session.txnRef()}")))

        then:
        body(second).subMap(['outcome', 'state', 'receivedVnd', 'remainingVnd']) ==
                [outcome: 'PARTIAL', state: 'OPEN', receivedVnd: 490_000, remainingVnd: 200_000]
        PaymentsDb.events(tx, json, session.id().toString()).isEmpty()

        when: 'the rest arrives'
        def last = call(signed(notice('FT0003', 200_000, description(session.txnRef()))))

        then: 'the sum reaches the amount: paid once, for the amount'
        body(last).subMap(['outcome', 'state', 'receivedVnd', 'remainingVnd', 'excessVnd']) ==
                [outcome: 'PAID', state: 'SUCCEEDED', receivedVnd: 690_000, remainingVnd: 0, excessVnd: 0]
        PaymentsDb.events(tx, json, session.id().toString()).collect { [it.type, it.data.amountVnd, it.data.providerReference] } ==
                [['PaymentSucceeded', 690_000, 'FT0003']]
        transfers()*.outcome == ['PARTIAL', 'PARTIAL', 'PAID']
        Infra.count(tx, 'SELECT COUNT(*) FROM refunds') == 0

        and: 'nothing is left to scan'
        call(HttpRequest.GET("/payments/vietqr/${session.txnRef()}/qr.png")).status().code == 410
    }

    def "a transfer of more than the amount pays the session and records the excess as a refund of the payment"() {
        when:
        def response = call(signed(notice('FT0009', 700_000, description(session.txnRef()))))

        then:
        body(response).subMap(['outcome', 'state', 'receivedVnd', 'remainingVnd', 'excessVnd']) ==
                [outcome: 'OVERPAID', state: 'SUCCEEDED', receivedVnd: 700_000, remainingVnd: 0, excessVnd: 10_000]
        PaymentsDb.events(tx, json, session.id().toString()).collect { [it.type, it.data.amountVnd] } == [['PaymentSucceeded', 690_000]]
        def refunds = PaymentsDb.refunds(tx, session.checkoutId())
        def sessionId = session.id().toString()
        def reason = "VietQR transfer FT0009 brought 10000 VND more than payment ${session.txnRef()} asked for".toString()
        refunds.size() == 1
        with(refunds.first()) {
            amount_vnd == 10_000
            method == 'VIETQR'
            state == 'REQUESTED'
            order_id == null
            session_id == sessionId
            it.reason == reason
        }
        def refundId = refunds.first().id
        with(transfers().first()) {
            outcome == 'OVERPAID'
            excess_vnd == 10_000
            refund_id == refundId
        }
    }

    def "short transfers followed by one too large: paid, and only the part beyond the amount refunded"() {
        when:
        call(signed(notice('FT0011', 500_000, description(session.txnRef()))))
        def response = call(signed(notice('FT0012', 300_000, description(session.txnRef()))))

        then:
        body(response).subMap(['outcome', 'receivedVnd', 'excessVnd']) == [outcome: 'OVERPAID', receivedVnd: 800_000, excessVnd: 110_000]
        PaymentsDb.refunds(tx, session.checkoutId())*.amount_vnd == [110_000]
        Infra.count(tx, "SELECT COUNT(*) FROM outbox WHERE event_type = 'PaymentSucceeded'") == 1
    }

    def "a transfer for a session already paid is all excess, refunded, and announces nothing"() {
        given:
        call(signed(notice('FT0021', 690_000, description(session.txnRef()))))

        when: 'the buyer pays a second time'
        def response = call(signed(notice('FT0022', 690_000, description(session.txnRef()))))

        then:
        body(response).subMap(['outcome', 'state', 'receivedVnd', 'excessVnd']) ==
                [outcome: 'EXCESS', state: 'SUCCEEDED', receivedVnd: 1_380_000, excessVnd: 690_000]
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentSucceeded']
        PaymentsDb.refunds(tx, session.checkoutId()).collect { [it.amount_vnd, it.state] } == [[690_000, 'REQUESTED']]
    }

    def "a notification sent 10 times has one effect: #amountVnd VND is counted once"() {
        given:
        def notification = notice('FT0031', amountVnd, description(session.txnRef()))

        when:
        def answers = (1..10).collect { this.call(signed(notification)) }

        then:
        answers*.status()*.code == [200] * 10
        answers.collect { body(it).replay } == [false] + [true] * 9
        answers.collect { body(it).outcome }.unique() == [outcome]
        with(PaymentsDb.session(tx, session.txnRef())) {
            received_vnd == amountVnd
            it.state == state
        }
        PaymentsDb.events(tx, json, session.id().toString())*.type == events
        transfers().size() == 1
        Infra.count(tx, 'SELECT COUNT(*) FROM refunds') == refunds
        PaymentsDb.notifications(tx, session.txnRef()).size() == 10

        where:
        amountVnd | outcome    | state       | events               | refunds
        200_000   | 'PARTIAL'  | 'OPEN'      | []                   | 0
        690_000   | 'PAID'     | 'SUCCEEDED' | ['PaymentSucceeded'] | 0
        700_000   | 'OVERPAID' | 'SUCCEEDED' | ['PaymentSucceeded'] | 1
    }

    def "10 concurrent copies of one transfer pay the session once"() {
        given:
        def notification = notice('FT0041', 690_000, description(session.txnRef()))
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(10)

        when:
        def futures = (1..10).collect { pool.submit({ start.await(); this.call(signed(notification)) } as Callable<HttpResponse<Map>>) }
        start.countDown()
        def answers = futures*.get()

        then:
        answers*.status()*.code == [200] * 10
        answers.count { !body(it).replay } == 1
        PaymentsDb.session(tx, session.txnRef()).received_vnd == 690_000
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentSucceeded']
        transfers().size() == 1

        cleanup:
        pool.shutdownNow()
    }

    def "a notification #problem is refused with 401 problem+json and changes nothing"() {
        given:
        def text = notice('FT0051', 690_000, description(session.txnRef()))
        def bytes = text.getBytes(StandardCharsets.UTF_8)
        def valid = NotificationSignatures.signature(VietQrTransfers.SECRET, bytes)

        when:
        def response = call(VietQrTransfers.request(tampered(bytes), source, signature(valid, bytes)))

        then:
        response.status().code == 401
        response.contentType.get().toString() == 'application/problem+json'
        body(response).code == code
        unchanged()
        Infra.rows(tx, 'SELECT signature_valid, answer_code FROM provider_notifications')
                .collect { [it.signature_valid, it.answer_code] } == [[false, '401']]

        where:
        problem                            | source  | signature                                                   | tampered                           || code
        'signed with another secret'       | 'bank'  | { v, b -> NotificationSignatures.signature(VietQrTransfers.OTHER_SECRET, b) } | { it } || 'invalid_transfer_signature'
        'whose amount was changed after'   | 'bank'  | { v, b -> v }                                               | { change(it, '690000', '690001') } || 'invalid_transfer_signature'
        'with one signature digit changed' | 'bank'  | { v, b -> v[0..-2] + (v[-1] == '0' ? '1' : '0') }           | { it }                             || 'invalid_transfer_signature'
        'with a signature one digit too long'  | 'bank'  | { v, b -> v + '0' }                                         | { it }                             || 'invalid_transfer_signature'
        'from an unknown source'           | 'acb'   | { v, b -> v }                                               | { it }                             || 'invalid_transfer_signature'
        'naming another configured source' | 'casso' | { v, b -> v }                                               | { it }                             || 'invalid_transfer_signature'
        'with a signature that is not hex' | 'bank'  | { v, b -> 'z' * 64 }                                        | { it }                             || 'invalid_transfer_signature'
        'without a signature'              | 'bank'  | { v, b -> null }                                            | { it }                             || 'unsigned_transfer_notification'
        'without a source'                 | null    | { v, b -> v }                                               | { it }                             || 'unsigned_transfer_notification'
    }

    def "a signed notification #problem is answered #status problem+json and changes nothing"() {
        when:
        def response = call(signed(notification.replace('REF', session.txnRef())))

        then:
        response.status().code == status
        response.contentType.get().toString() == 'application/problem+json'
        body(response).code == code
        (body(response).errors ?: [])*.field == fields
        unchanged()
        Infra.count(tx, 'SELECT COUNT(*) FROM bank_transfers') == 0
        Infra.rows(tx, 'SELECT signature_valid, answer_code FROM provider_notifications')
                .collect { [it.signature_valid, it.answer_code] } == [[true, status as String]]

        where:
        problem                          | notification                                                            || status | code                                | fields
        'that is not JSON'               | '{"transactionId": "FT1", "amount": 690000,'                            || 400    | 'unreadable_transfer_notification'  | []
        'that is a JSON array'           | '[1, 2, 3]'                                                             || 400    | 'unreadable_transfer_notification'  | []
        'with an amount as a word'       | notice('FT1', 1, 'OCOP REF').replace('"amount":1', '"amount":"many"')    || 400    | 'unreadable_transfer_notification'  | []
        'without fields'                 | '{}'                                                                    || 422    | 'invalid_transfer_notification'     | ['transactionId', 'amount', 'accountNumber', 'transferredAt']
        'with a zero amount'             | notice('FT1', 0, 'OCOP REF')                                              || 422    | 'invalid_transfer_notification'     | ['amount']
        'with a negative amount'         | notice('FT1', -690_000, 'OCOP REF')                                       || 422    | 'invalid_transfer_notification'     | ['amount']
        'with a fractional amount'       | notice('FT1', 1, 'OCOP REF').replace('"amount":1', '"amount":690000.5')  || 422    | 'invalid_transfer_notification'     | ['amount']
        'with an unreadable date'        | notice('FT1', 690_000, 'OCOP REF', [transferredAt: '23/11/2026 09:15'])   || 422    | 'invalid_transfer_notification'     | ['transferredAt']
        'for another account'            | notice('FT1', 690_000, 'OCOP REF', [accountNumber: '9999999999'])         || 422    | 'not_collection_account'            | []
    }

    def "a transaction id notified again with another amount is a 409 conflict and changes nothing more"() {
        given:
        call(signed(notice('FT0061', 200_000, description(session.txnRef()))))

        when:
        def response = call(signed(notice('FT0061', 490_000, description(session.txnRef()))))

        then:
        response.status().code == 409
        body(response).code == 'transfer_conflict'
        PaymentsDb.session(tx, session.txnRef()).received_vnd == 200_000
        transfers()*.amount_vnd == [200_000]
    }

    def "a transfer naming #what is kept UNMATCHED for an administrator and answered 404"() {
        given:
        def vnpay = sessions.save(PaymentsDb.openSession(method: PaymentMethod.VNPAY, amountVnd: 690_000))
        def notification = notice('FT0071', 690_000, text.replace('VNPAYREF', vnpay.txnRef()))

        when:
        def responses = (1..3).collect { this.call(signed(notification)) }

        then:
        responses*.status()*.code == [404] * 3
        responses.every { it.contentType.get().toString() == 'application/problem+json' }
        body(responses.first()).code == 'unknown_payment_reference'
        unchanged()
        PaymentsDb.session(tx, vnpay.txnRef()).state == 'OPEN'

        and: 'the money is on record once, for an administrator'
        def rows = Infra.rows(tx, 'SELECT * FROM bank_transfers')
        rows.collect { [it.transaction_id, it.amount_vnd, it.outcome, it.session_id, it.txn_ref] } ==
                [['FT0071', 690_000, 'UNMATCHED', null, reference?.replace('VNPAYREF', vnpay.txnRef())]]
        def listed = read(HttpRequest.GET('/api/v1/admin/payments/bank-transfers').bearerAuth(TestIdentity.admin(Ids.newId())))
        listed.collect { [it.transactionId, it.amountVnd, it.outcome, it.counterAccountNumber, it.transferredAtLocal] } ==
                [['FT0071', 690_000, 'UNMATCHED', '19036054321012', '2026-11-23T09:15:02+07:00']]

        where:
        what                          | text                            || reference
        'an unknown reference'        | 'OCOP ZZZZZZZZZZZZZZZZ'         || 'ZZZZZZZZZZZZZZZZ'
        'no reference at all'         | 'chuyen tien mua gao'           || null
        'a VNPay payment\'s reference' | 'OCOP VNPAYREF'                 || 'VNPAYREF'
    }

    def "bank transfers are for administrators only"() {
        expect:
        call(HttpRequest.GET('/api/v1/admin/payments/bank-transfers')).status().code == 401
        call(HttpRequest.GET('/api/v1/admin/payments/bank-transfers').bearerAuth(TestIdentity.buyer(Ids.newId()))).status().code == 403
        call(HttpRequest.GET('/api/v1/admin/payments/bank-transfers?outcome=NOPE')
                .bearerAuth(TestIdentity.admin(Ids.newId()))).status().code == 400
    }

    def "a transfer after the checkout was cancelled is captured as a late payment, for orders to refund"() {
        given:
        cancel(session)
        assert PaymentsDb.session(tx, session.txnRef()).state == 'CANCELLED'

        when:
        def response = call(signed(notice('FT0081', 690_000, description(session.txnRef()))))

        then: 'as VNPay\'s late IPN: the session succeeds and PaymentSucceeded tells orders, which refunds the cancelled checkout'
        response.status().code == 200
        body(response).subMap(['outcome', 'state', 'receivedVnd', 'excessVnd']) ==
                [outcome: 'LATE', state: 'SUCCEEDED', receivedVnd: 690_000, excessVnd: 0]
        PaymentsDb.session(tx, session.txnRef()).captured_checkout_id == session.checkoutId().toString()
        PaymentsDb.events(tx, json, session.id().toString()).collect { [it.type, it.data.method, it.data.amountVnd] } ==
                [['PaymentSucceeded', 'VIETQR', 690_000]]
        Infra.count(tx, 'SELECT COUNT(*) FROM refunds') == 0

        when: 'the bank notifies it again'
        def replay = call(signed(notice('FT0081', 690_000, description(session.txnRef()))))

        then:
        body(replay).replay == true
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentSucceeded']
    }

    def "a cancelled checkout whose session had received part keeps it as a late payment; a later transfer is excess"() {
        given:
        call(signed(notice('FT0091', 200_000, description(session.txnRef()))))

        when:
        cancel(session)

        then: 'what arrived is captured, so that orders refunds it'
        with(PaymentsDb.session(tx, session.txnRef())) {
            state == 'SUCCEEDED'
            received_vnd == 200_000
        }
        PaymentsDb.events(tx, json, session.id().toString()).collect { [it.type, it.data.amountVnd, it.data.providerReference] } ==
                [['PaymentSucceeded', 200_000, 'FT0091']]

        when: 'the buyer sends the rest anyway'
        def response = call(signed(notice('FT0092', 490_000, description(session.txnRef()))))

        then: 'it is all given back by payments itself: orders was already told of the payment'
        body(response).subMap(['outcome', 'excessVnd']) == [outcome: 'EXCESS', excessVnd: 490_000]
        PaymentsDb.refunds(tx, session.checkoutId()).collect { [it.amount_vnd, it.state] } == [[490_000, 'REQUESTED']]
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentSucceeded']
    }

    def "a notification replayed ten times after the payment was refunded in full is answered as a replay and changes nothing"() {
        given: 'the session paid by one transfer, then the whole payment given back to the buyer'
        def notification = notice('FT0101', 690_000, description(session.txnRef()))
        assert body(call(signed(notification))).outcome == 'PAID'
        def refund = new RefundRequested(Ids.newId(), session.checkoutId(), null, PaymentMethod.VIETQR, 690_000, 'order cancelled',
                Instant.now())
        dispatcher.dispatch(OrdersEvents.STREAM, new EventEnvelope(Ids.newId(), RefundRequested.TYPE, RefundRequested.VERSION,
                Instant.now(), session.checkoutId().toString(), null, json.writeValueToTree(refund)))
        // no gateway sends bank transfer refunds yet: the refund is marked done as an operator who made it at the bank would
        Infra.execute(tx, "UPDATE refunds SET state = 'SUCCEEDED', completed_at = NOW(6) WHERE id = ?", [refund.refundId().toString()])
        def before = [session: PaymentsDb.session(tx, session.txnRef()), transfers: transfers(),
                      refunds: PaymentsDb.refunds(tx, session.checkoutId()),
                      outbox : Infra.rows(tx, 'SELECT event_id, event_type, aggregate_id FROM outbox ORDER BY seq'),
                      ledger : LedgerDb.snapshot(tx)]

        when: 'the signed notification of that transfer is sent again and again'
        def answers = (1..10).collect { this.call(signed(notification)) }

        then: 'each is acknowledged as a replay of the transfer already recorded'
        answers*.status()*.code == [200] * 10
        answers.collect { body(it).subMap(['transactionId', 'outcome', 'replay']) } ==
                [[transactionId: 'FT0101', outcome: 'PAID', replay: true]] * 10

        and: 'the session, its transfer, its refund, the events and the ledger are as they were'
        [session: PaymentsDb.session(tx, session.txnRef()), transfers: transfers(), refunds: PaymentsDb.refunds(tx, session.checkoutId()),
         outbox : Infra.rows(tx, 'SELECT event_id, event_type, aggregate_id FROM outbox ORDER BY seq'),
         ledger : LedgerDb.snapshot(tx)] == before
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentSucceeded']
        PaymentsDb.refunds(tx, session.checkoutId()).collect { [it.amount_vnd, it.state] } == [[690_000, 'SUCCEEDED']]
        PaymentsDb.notifications(tx, session.txnRef()).size() == 11
    }

    private List<Map<String, Object>> transfers() {
        Infra.rows(tx, 'SELECT * FROM bank_transfers ORDER BY received_at, transaction_id')
    }

    private void unchanged() {
        def row = PaymentsDb.session(tx, session.txnRef())
        assert row.state == 'OPEN'
        assert row.received_vnd == 0
        assert row.paid_at == null
        assert row.captured_checkout_id == null
        assert PaymentsDb.events(tx, json, session.id().toString()).isEmpty()
        assert Infra.count(tx, 'SELECT COUNT(*) FROM refunds') == 0
        assert Infra.count(tx, "SELECT COUNT(*) FROM bank_transfers WHERE outcome <> 'UNMATCHED'") == 0
    }

    private void cancel(PaymentSession open) {
        def event = new CheckoutCancelled(open.checkoutId(), open.checkoutNumber(), Ids.newId(), CheckoutCancelled.BY_BUYER, Instant.now())
        dispatcher.dispatch(OrdersEvents.STREAM, new EventEnvelope(Ids.newId(), CheckoutCancelled.TYPE, CheckoutCancelled.VERSION,
                Instant.now(), open.checkoutId().toString(), null, json.writeValueToTree(event)))
    }

    private static byte[] change(byte[] body, String from, String to) {
        new String(body, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8)
    }
}
