package vn.ocop.payments.vnpay

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.json.JsonMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import spock.lang.Specification
import vn.ocop.payments.PaymentsDb
import vn.ocop.payments.session.PaymentSession
import vn.ocop.payments.session.PaymentSessions
import vn.ocop.platform.Infra

/** VNPay's IPN over HTTP, with requests signed exactly as VNPay signs them. */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'VnPayIpnSpec')
class VnPayIpnSpec extends Specification {

    @Inject TransactionOperations<Connection> tx
    @Inject PaymentSessions sessions
    @Inject JsonMapper json
    @Inject @Client('/') HttpClient client

    PaymentSession session

    def setup() {
        PaymentsDb.clean(tx)
        session = sessions.save(PaymentsDb.openSession(amountVnd: 690_000))
    }

    def "an IPN with #problem is answered 97 and changes nothing"() {
        when:
        def answer = ipn(query(VnPayRequests.ipn(session.txnRef(), 690_000)))

        then:
        answer == [RspCode: '97', Message: 'Invalid signature']
        unchanged(session)
        with(PaymentsDb.notifications(tx, session.txnRef()).first()) {
            signature_valid == false
            answer_code == '97'
        }

        where:
        problem                             | query
        'a signature by another secret'     | { Map p -> VnPayRequests.signed(p, 'not-our-secret') }
        'one character of a value changed'  | { Map p -> VnPayRequests.signed(p).replace('No=14422574', 'No=14422575') }
        'one character of the hash changed' | { Map p -> flipLastCharacter(VnPayRequests.signed(p)) }
        'no signature'                      | { Map p -> VnPayRequests.query(p) }
        'another merchant\'s terminal code' | { Map p -> VnPayRequests.signed(p + [vnp_TmnCode: 'OTHER001']) }
        'a signed parameter sent twice'     | { Map p -> VnPayRequests.signed(p) + '&vnp_Amount=100' }
    }

    def "an IPN for an unknown reference is answered 01"() {
        when:
        def answer = ipn(VnPayRequests.signed(VnPayRequests.ipn('NOSUCHREF0000001', 690_000)))

        then:
        answer == [RspCode: '01', Message: 'Order not found']
        unchanged(session)
    }

    def "an IPN for #amount is answered 04 and changes nothing"() {
        when:
        def answer = ipn(VnPayRequests.signed(VnPayRequests.ipn(session.txnRef(), 690_000, [vnp_Amount: amount])))

        then:
        answer == [RspCode: '04', Message: 'Invalid amount']
        unchanged(session)

        where:
        amount << ['69000100', '690000', '6900000000', '-69000000', 'abc']
    }

    def "a successful IPN captures the payment once, and its repeat is answered 02"() {
        given:
        def query = VnPayRequests.signed(VnPayRequests.ipn(session.txnRef(), 690_000))

        when:
        def answer = ipn(query)

        then:
        answer == [RspCode: '00', Message: 'Confirm Success']
        def checkoutId = session.checkoutId().toString()
        PaymentsDb.utc(PaymentsDb.session(tx, session.txnRef()).paid_at) == Instant.parse('2026-11-20T03:22:10Z')
        with(PaymentsDb.session(tx, session.txnRef())) {
            state == 'SUCCEEDED'
            provider_transaction_no == '14422574'
            provider_response_code == '00'
            provider_bank_code == 'NCB'
            captured_checkout_id == checkoutId
        }
        PaymentsDb.events(tx, json, session.id().toString()) == [[type: 'PaymentSucceeded', data: [
                sessionId        : session.id().toString(),
                checkoutId       : session.checkoutId().toString(),
                method           : 'VNPAY',
                amountVnd        : 690_000,
                providerReference: '14422574',
                paidAt           : '2026-11-20T03:22:10Z']]]

        when: 'VNPay sends the same IPN again'
        def repeat = ipn(query)

        then:
        repeat == [RspCode: '02', Message: 'Order already confirmed']
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentSucceeded']
        PaymentsDb.notifications(tx, session.txnRef())*.answer_code == ['00', '02']
        PaymentsDb.notifications(tx, session.txnRef())*.raw_query == [query, query]
    }

    def "a successful IPN for a session we #state is still captured, so that the money can be refunded; its repeat is answered 02"() {
        given: 'the checkout was cancelled (or its session lapsed) while the buyer was paying'
        Infra.execute(tx, 'UPDATE payment_sessions SET state = ? WHERE id = ?', [state, session.id().toString()])
        def query = VnPayRequests.signed(VnPayRequests.ipn(session.txnRef(), 690_000))

        when:
        def answer = ipn(query)

        then: 'VNPay took the money: it is confirmed and recorded, and orders, seeing the checkout cancelled, refunds it'
        answer == [RspCode: '00', Message: 'Confirm Success']
        def checkoutId = session.checkoutId().toString()
        with(PaymentsDb.session(tx, session.txnRef())) {
            it.state == 'SUCCEEDED'
            provider_transaction_no == '14422574'
            captured_checkout_id == checkoutId
        }
        PaymentsDb.events(tx, json, session.id().toString()) == [[type: 'PaymentSucceeded', data: [
                sessionId        : session.id().toString(),
                checkoutId       : checkoutId,
                method           : 'VNPAY',
                amountVnd        : 690_000,
                providerReference: '14422574',
                paidAt           : '2026-11-20T03:22:10Z']]]

        when:
        def repeat = ipn(query)

        then:
        repeat == [RspCode: '02', Message: 'Order already confirmed']
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentSucceeded']

        where:
        state << ['CANCELLED', 'EXPIRED']
    }

    def "an IPN with #problem for a session we #state is answered #code and changes nothing"() {
        given:
        Infra.execute(tx, 'UPDATE payment_sessions SET state = ? WHERE id = ?', [state, session.id().toString()])

        when:
        def answer = ipn(VnPayRequests.signed(VnPayRequests.ipn(session.txnRef(), amountVnd, overrides), secret))

        then:
        answer.RspCode == code
        PaymentsDb.session(tx, session.txnRef()).state == state
        PaymentsDb.events(tx, json, session.id().toString()).isEmpty()

        where:
        problem            | state       | amountVnd | overrides                | secret               || code
        'a bad signature'  | 'CANCELLED' | 690_000   | [:]                      | 'not-our-secret'     || '97'
        'a wrong amount'   | 'CANCELLED' | 690_001   | [:]                      | VnPayRequests.SECRET || '04'
        'a wrong amount'   | 'EXPIRED'   | 69_000    | [:]                      | VnPayRequests.SECRET || '04'
        'a failed payment' | 'CANCELLED' | 690_000   | [vnp_ResponseCode: '24'] | VnPayRequests.SECRET || '02'
    }

    def "a payment answered #responseCode with status #status fails the session: #reason"() {
        when:
        def answer = ipn(VnPayRequests.signed(VnPayRequests.ipn(session.txnRef(), 690_000,
                [vnp_ResponseCode: responseCode, vnp_TransactionStatus: status, vnp_TransactionNo: '0'])))

        then:
        answer == [RspCode: '00', Message: 'Confirm Success']
        with(PaymentsDb.session(tx, session.txnRef())) {
            state == 'FAILED'
            provider_response_code == responseCode
            paid_at == null
            captured_checkout_id == null
        }
        PaymentsDb.events(tx, json, session.id().toString()) == [[type: 'PaymentFailed', data: [
                sessionId : session.id().toString(),
                checkoutId: session.checkoutId().toString(),
                method    : 'VNPAY',
                reasonCode: responseCode,
                reason    : reason]]]

        when: 'a success arrives for the failed session'
        def late = ipn(VnPayRequests.signed(VnPayRequests.ipn(session.txnRef(), 690_000)))

        then:
        late.RspCode == '02'
        PaymentsDb.session(tx, session.txnRef()).state == 'FAILED'
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentFailed']

        where:
        responseCode | status || reason
        '24'         | '02'   || 'Customer cancelled the transaction'
        '51'         | '02'   || 'Insufficient funds'
        '00'         | '02'   || 'VNPay reported transaction status 02'
        '42'         | '02'   || 'VNPay response code 42'
    }

    def "ten concurrent copies of one successful IPN capture the payment once"() {
        given:
        def query = VnPayRequests.signed(VnPayRequests.ipn(session.txnRef(), 690_000))
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(10)

        when:
        def futures = (1..10).collect { pool.submit({ start.await(); ipn(query) } as Callable<Map>) }
        start.countDown()
        def answers = futures*.get()*.RspCode

        then:
        answers.count { it == '00' } == 1
        answers.count { it == '02' } == 9
        PaymentsDb.session(tx, session.txnRef()).state == 'SUCCEEDED'
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentSucceeded']
        PaymentsDb.notifications(tx, session.txnRef()).size() == 10

        cleanup:
        pool.shutdownNow()
    }

    def "a second capture for one checkout is refused by the database and answered 99 without internals"() {
        given: 'the checkout was paid through one session, and a second session for it is open'
        assert ipn(VnPayRequests.signed(VnPayRequests.ipn(session.txnRef(), 690_000))).RspCode == '00'
        def second = sessions.save(PaymentsDb.openSession(checkoutId: session.checkoutId(), amountVnd: 690_000))

        when: 'VNPay reports the second one paid too'
        HttpResponse<String> response = client.toBlocking().exchange(
                HttpRequest.GET('/payments/vnpay/ipn?' + VnPayRequests.signed(VnPayRequests.ipn(second.txnRef(), 690_000))), String)

        then: 'the answer is the bare 99, and nothing changed'
        response.status().code == 200
        json.readValue(response.body(), Map) == [RspCode: '99', Message: 'Unknown error']
        unchanged(second)
        Infra.count(tx, "SELECT COUNT(*) FROM outbox WHERE event_type = 'PaymentSucceeded'") == 1
        PaymentsDb.notifications(tx, second.txnRef())*.answer_code == ['99']
    }

    private Map ipn(String query) {
        client.toBlocking().retrieve(HttpRequest.GET('/payments/vnpay/ipn?' + query), Map)
    }

    private boolean unchanged(PaymentSession before) {
        def row = PaymentsDb.session(tx, before.txnRef())
        assert row.state == 'OPEN'
        assert row.provider_transaction_no == null
        assert row.paid_at == null
        assert row.captured_checkout_id == null
        assert PaymentsDb.events(tx, json, before.id().toString()).isEmpty()
        true
    }

    private static String flipLastCharacter(String query) {
        query[0..-2] + (query[-1] == 'a' ? 'b' : 'a')
    }
}
