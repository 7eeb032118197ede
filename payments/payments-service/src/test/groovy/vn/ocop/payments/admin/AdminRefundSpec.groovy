package vn.ocop.payments.admin

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.time.Instant
import vn.ocop.payments.PaymentsDb
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.ledger.LedgerDb
import vn.ocop.payments.session.PaymentSession
import vn.ocop.payments.session.PaymentSessions
import vn.ocop.platform.Infra
import vn.ocop.platform.ServiceSpecification
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

/**
 * An administrator's refund over HTTP: recorded as a REQUESTED refund the worker sends (the worker is off here, so the
 * row stays as recorded), idempotent by key, and refused with problem+json, changing nothing, when it cannot be honoured.
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'AdminRefundSpec')
@Property(name = 'ocop.events.consumer.enabled', value = 'false')
@Property(name = 'ocop.events.relay.enabled', value = 'false')
@Property(name = 'ocop.payments.refunds.worker.enabled', value = 'false')
@Property(name = 'ocop.payments.payouts.schedule.enabled', value = 'false')
@Property(name = 'ocop.vnpay.reconcile.enabled', value = 'false')
class AdminRefundSpec extends ServiceSpecification {

    static final String REFUNDS = '/api/v1/admin/payments/refunds'

    @Inject PaymentSessions sessions
    UUID admin = Ids.newId()
    PaymentSession captured

    /**
     * Nothing is left behind: a REQUESTED refund left in the shared test database would be taken by the next spec's
     * refund worker as soon as its context starts.
     */
    def cleanup() {
        LedgerDb.clean(tx)
        PaymentsDb.clean(tx)
    }

    def setup() {
        LedgerDb.clean(tx)
        PaymentsDb.clean(tx)
        captured = sessions.save(PaymentsDb.capturedSession(amountVnd: 690_000))
    }

    def "an administrator's partial refund of one seller order is recorded for the worker, once per key"() {
        given: 'the ledger knows the checkout two seller orders, 400 000 and 290 000 VND paid'
        UUID order = paidOrder(captured.checkoutId(), 400_000)
        paidOrder(captured.checkoutId(), 290_000)
        def asked = [checkoutId: captured.checkoutId(), orderId: order, amountVnd: 150_000, reason: 'Hàng bị dập khi giao']

        when:
        def first = call(post(asked, 'refund-key-0001'))
        def again = call(post(asked, 'refund-key-0001'))

        then:
        first.status.code == 201
        def answer = body(first)
        answer.subMap(['checkoutId', 'orderId', 'sessionId', 'method', 'amountVnd', 'reason', 'state', 'paidVnd',
                       'remainingVnd', 'requestedBy']) == [
                checkoutId  : captured.checkoutId().toString(), orderId: order.toString(), sessionId: captured.id().toString(),
                method      : 'VNPAY', amountVnd: 150_000, reason: 'Hàng bị dập khi giao', state: 'REQUESTED', paidVnd: 690_000,
                remainingVnd: 540_000, requestedBy: admin.toString()]
        again.status.code == 201
        body(again) == answer

        and: 'one refund, due now, of a method the worker serves, naming the administrator'
        def rows = PaymentsDb.refunds(tx, captured.checkoutId())
        rows.size() == 1
        def sessionId = captured.id().toString()
        def administrator = admin.toString()
        def orderId = order.toString()
        with(rows.first()) {
            id == answer.refundId
            state == 'REQUESTED'
            order_id == orderId
            session_id == sessionId
            method == 'VNPAY'
            amount_vnd == 150_000
            reason == 'Hàng bị dập khi giao'
            requested_by == administrator
            attempts == 0
            !PaymentsDb.utc(next_attempt_at).isAfter(Instant.now())
        }

        when: 'the same key with another body'
        def other = call(post(asked + [amountVnd: 100_000], 'refund-key-0001'))

        then:
        other.status.code == 422
        body(other).code == 'idempotency_key_reused'
        PaymentsDb.refunds(tx, captured.checkoutId()).size() == 1
    }

    def "refunds add up to at most what was paid, per payment and per seller order"() {
        given:
        UUID order = paidOrder(captured.checkoutId(), 400_000)

        expect: 'the whole order, then nothing more of it; the rest of the payment, then nothing more of it'
        call(post([checkoutId: captured.checkoutId(), orderId: order, amountVnd: 400_000, reason: 'hủy'], 'k-order-all')).status.code == 201
        with(call(post([checkoutId: captured.checkoutId(), orderId: order, amountVnd: 1, reason: 'hủy'], 'k-order-one'))) {
            status.code == 422
            body(it).code == 'refund_exceeds_order'
        }
        call(post([checkoutId: captured.checkoutId(), amountVnd: 290_000, reason: 'phần còn lại'], 'k-rest-all')).status.code == 201
        with(call(post([checkoutId: captured.checkoutId(), amountVnd: 1, reason: 'thêm'], 'k-rest-more'))) {
            status.code == 422
            body(it).code == 'refund_exceeds_payment'
            headers.contentType.get().startsWith('application/problem+json')
        }
        PaymentsDb.refunds(tx, captured.checkoutId())*.amount_vnd.sort() == [290_000, 400_000]
    }

    def "a refund that cannot be honoured is refused with problem+json and changes nothing: #problem"() {
        given:
        def open = sessions.save(PaymentsDb.openSession(amountVnd: 120_000))
        def card = sessions.save(PaymentsDb.capturedSession(amountVnd: 300_000, method: PaymentMethod.CARD))
        def checkout = [captured: captured.checkoutId(), open: open.checkoutId(), unknown: Ids.newId(),
                        card: card.checkoutId()][which]
        def request = [checkoutId: checkout, amountVnd: amount, reason: 'khiếu nại'] + (order ? [orderId: Ids.newId()] : [:])

        when:
        def response = call(post(request, "key-$problem".replaceAll(/\W/, '-')))

        then:
        response.status.code == status
        body(response).code == code
        response.headers.contentType.get().startsWith('application/problem+json')
        Infra.count(tx, 'SELECT COUNT(*) FROM refunds') == 0
        Infra.count(tx, 'SELECT COUNT(*) FROM idempotency_keys') == 0

        where:
        problem                                | which      | amount  | order || status | code
        'more than was paid'                   | 'captured' | 690_001 | false || 422    | 'refund_exceeds_payment'
        'a zero amount'                        | 'captured' | 0       | false || 422    | 'refund_amount_not_positive'
        'a negative amount'                    | 'captured' | -5      | false || 422    | 'refund_amount_not_positive'
        'an order not of the checkout'         | 'captured' | 1_000   | true  || 422    | 'refund_order_unknown'
        'nothing captured yet'                 | 'open'     | 1_000   | false || 409    | 'refund_nothing_captured'
        'a checkout payments never saw'        | 'unknown'  | 1_000   | false || 404    | 'refund_checkout_unknown'
        'a card payment, with Stripe off'      | 'card'     | 1_000   | false || 409    | 'refund_method_unsupported'
    }

    def "a malformed request is refused: #problem"() {
        when:
        def request = HttpRequest.POST(REFUNDS, payload).bearerAuth(TestIdentity.admin(admin))
        if (key) {
            request.header('Idempotency-Key', key)
        }
        def response = call(request)

        then:
        response.status.code == 400
        body(response).code == code
        Infra.count(tx, 'SELECT COUNT(*) FROM refunds') == 0

        where:
        problem              | key          | payload                                                          || code
        'no Idempotency-Key' | null         | [checkoutId: UUID.randomUUID(), amountVnd: 1, reason: 'x']       || 'invalid_request'
        'a short key'        | 'abc'        | [checkoutId: UUID.randomUUID(), amountVnd: 1, reason: 'x']       || 'idempotency_key_invalid'
        'no checkout'        | 'key-000001' | [amountVnd: 1, reason: 'x']                                      || 'invalid_request'
        'no reason'          | 'key-000002' | [checkoutId: UUID.randomUUID(), amountVnd: 1]                     || 'invalid_request'
        'no amount'          | 'key-000003' | [checkoutId: UUID.randomUUID(), reason: 'x']                     || 'invalid_request'
    }

    def "only administrators ask for refunds: #who gets #status"() {
        when:
        def request = HttpRequest.POST(REFUNDS, [checkoutId: captured.checkoutId(), amountVnd: 1_000, reason: 'x'])
                .header('Idempotency-Key', 'key-auth-0001')
        def response = call(token ? request.bearerAuth(token) : request)

        then:
        response.status.code == status
        PaymentsDb.refunds(tx, captured.checkoutId()).isEmpty()

        where:
        who         | token                                          || status
        'anonymous' | null                                           || 401
        'a buyer'   | TestIdentity.buyer(Ids.newId())                || 403
        'a seller'  | TestIdentity.seller(Ids.newId())               || 403
        'an officer'| TestIdentity.officer(Ids.newId(), '89')        || 403
    }

    private HttpRequest<?> post(Map body, String key) {
        HttpRequest.POST(REFUNDS, body).bearerAuth(TestIdentity.admin(admin)).header('Idempotency-Key', key)
    }

    /** A seller order of the checkout as the ledger records it once paid. */
    private UUID paidOrder(UUID checkoutId, long paidVnd) {
        UUID order = Ids.newId()
        Infra.execute(tx, 'INSERT INTO ledger_orders (order_id, order_number, checkout_id, seller_id, method, state, total_vnd, '
                + 'paid_vnd, refunded_vnd, commission_vnd, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, NOW(6), NOW(6))',
                [order.toString(), 'CK-7Q4M2X9P-1', checkoutId.toString(), Ids.newId().toString(), 'VNPAY', 'PAID', paidVnd, paidVnd])
        order
    }
}
