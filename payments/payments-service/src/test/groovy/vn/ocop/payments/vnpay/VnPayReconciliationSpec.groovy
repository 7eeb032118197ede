package vn.ocop.payments.vnpay

import io.micronaut.context.ApplicationContext
import io.micronaut.json.JsonMapper
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.transaction.TransactionOperations
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.sql.Connection
import java.time.Duration
import java.time.Instant
import java.time.temporal.ChronoUnit
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import vn.ocop.orders.api.CheckoutAwaitingPayment
import vn.ocop.payments.PaymentsDb
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.session.PaymentSession
import vn.ocop.payments.session.PaymentSessions
import vn.ocop.payments.session.SessionState
import vn.ocop.platform.Infra
import vn.ocop.platform.event.EventHandler
import vn.ocop.platform.event.Ids

/**
 * VNPay reconciliation with no internet: buyers pay (or cancel) on the local VNPay stand-in's page, whose IPN to us is
 * lost (the stand-in's IPN URL points where nothing listens), and the reconciliation asks the stand-in's merchant API
 * (querydr, over HTTP, signed both ways) what became of each payment.
 */
class VnPayReconciliationSpec extends Specification {

    @Shared String base = "http://127.0.0.1:${freePort()}"
    @Shared @AutoCleanup EmbeddedServer server = ApplicationContext.run(EmbeddedServer, [
            'spec.name'                          : 'VnPayReconciliationSpec',
            'micronaut.server.port'              : URI.create(base).port,
            'ocop.events.consumer.enabled'       : 'false',
            'ocop.payments.refunds.worker.enabled': 'false',
            'ocop.vnpay.pay-url'                 : "$base/vnpay-standin/paymentv2/vpcpay.html".toString(),
            'ocop.vnpay.return-url'              : "$base/payments/vnpay/return".toString(),
            'ocop.vnpay.api.url'                 : '',
            'ocop.vnpay.standin.enabled'         : 'true',
            // the IPN is lost: nothing listens on port 9
            'ocop.vnpay.standin.ipn-url'         : 'http://127.0.0.1:9/payments/vnpay/ipn',
            // asked about at once (the spec calls the worker itself; its schedule never comes within the spec)
            'ocop.vnpay.reconcile.enabled'       : 'true',
            'ocop.vnpay.reconcile.after'         : '0s',
            'ocop.vnpay.reconcile.every'         : '1h'], 'test')
    @Shared ApplicationContext context = server.applicationContext
    @Shared TransactionOperations<Connection> tx = context.getBean(TransactionOperations)
    @Shared JsonMapper json = context.getBean(JsonMapper)
    @Shared PaymentSessions sessions = context.getBean(PaymentSessions)
    @Shared VnPayReconciliation reconciliation = context.getBean(VnPayReconciliation)
    @Shared ForgedVnPayApi forger = context.getBean(ForgedVnPayApi)
    @Shared HttpClient http = HttpClient.newBuilder().build()

    def setup() {
        PaymentsDb.clean(tx)
        forger.armed.set(null)
    }

    def "a payment whose IPN was lost is found with querydr and settled once, as the IPN would have settled it"() {
        given: 'the buyer pays on VNPay; its IPN never reaches us'
        def session = open(690_000)
        buyer(session, 'pay')

        expect:
        sessions.findById(session.id()).get().state().name() == 'OPEN'

        when:
        int asked = reconciliation.reconcileDue()

        then:
        asked == 1
        with(sessions.findById(session.id()).get()) {
            state().name() == 'SUCCEEDED'
            providerTransactionNo() ==~ /[0-9]{8}/
            providerBankCode() == 'NCB'
            paidAt() != null
        }
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentSessionOpened', 'PaymentSucceeded']
        with(query(session)) {
            done == true
            last_outcome == 'PAID'
            last_code == '00/00'
            attempts == 1
        }

        when: 'the worker runs again, and the lost IPN finally arrives'
        int again = reconciliation.reconcileDue()
        def late = ipn(session, sessions.findById(session.id()).get().providerTransactionNo())

        then: 'nothing more: the session is settled, and the IPN is told so'
        again == 0
        late.contains('"RspCode":"02"')
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentSessionOpened', 'PaymentSucceeded']
    }

    def "a payment captured after we had cancelled the session, its IPN lost, is still recorded, so that orders refunds it"() {
        given:
        def session = open(250_000)
        buyer(session, 'pay')
        tx.executeWrite { sessions.update(sessions.findById(session.id()).get().cancel(Instant.now()).get()) }

        when:
        reconciliation.reconcileDue()

        then:
        sessions.findById(session.id()).get().state().name() == 'SUCCEEDED'
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentSessionOpened', 'PaymentSucceeded']
    }

    def "a buyer who cancelled on VNPay's page: VNPay says unpaid, the session stays as it is and is asked about no more"() {
        given:
        def session = open(690_000)
        buyer(session, 'cancel')

        when:
        reconciliation.reconcileDue()

        then:
        sessions.findById(session.id()).get().state().name() == 'OPEN'
        with(query(session)) {
            done == true
            last_outcome == 'UNPAID'
            last_code == '00/02'
        }
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentSessionOpened']
        reconciliation.reconcileDue() == 0
    }

    def "not paid yet: asked again after a doubling wait, and no more once the pay request has expired unpaid"() {
        given: 'a buyer who has not paid (VNPay knows no transaction: 91)'
        def session = open(690_000)

        when:
        reconciliation.reconcileDue()

        then: 'asked once, due again after the first wait (at least 1 s when `after` is 0)'
        with(query(session)) {
            done == false
            last_outcome == 'NOT_YET'
            last_code == '91'
            attempts == 1
            PaymentsDb.utc(next_query_at).isAfter(PaymentsDb.utc(last_queried_at))
        }

        when: 'the wait has passed'
        dueNow(session)
        reconciliation.reconcileDue()

        then:
        with(query(session)) {
            done == false
            attempts == 2
            Duration.between(PaymentsDb.utc(last_queried_at), PaymentsDb.utc(next_query_at)) >= Duration.ofSeconds(2)
        }

        when: 'the pay request has expired, still unpaid'
        Infra.execute(tx, 'UPDATE payment_sessions SET expires_at = ? WHERE id = ?',
                [Instant.now().minus(1, ChronoUnit.MINUTES), session.id().toString()])
        dueNow(session)
        reconciliation.reconcileDue()

        then:
        with(query(session)) {
            done == true
            attempts == 3
            last_outcome == 'NOT_YET'
        }
        sessions.findById(session.id()).get().state().name() == 'OPEN'
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentSessionOpened']
    }

    def "an answer not signed with the merchant's secret settles nothing, and the session is asked about again"() {
        given:
        def session = open(690_000)
        forger.armed.set(['not-the-merchant-secret', session.txnRef()])

        when:
        reconciliation.reconcileDue()

        then:
        sessions.findById(session.id()).get().state().name() == 'OPEN'
        with(query(session)) {
            done == false
            last_outcome == 'UNKNOWN'
            last_code == 'unsigned'
        }
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentSessionOpened']
    }

    def "VNPay answering another amount than the session's is refused as the IPN would be, and left for an admin"() {
        given: 'a payment of 690,000 VND captured by VNPay for a session our database holds at 700,000'
        def session = open(690_000)
        buyer(session, 'pay')
        Infra.execute(tx, 'UPDATE payment_sessions SET amount_vnd = 700000 WHERE id = ?', [session.id().toString()])

        when:
        reconciliation.reconcileDue()

        then:
        sessions.findById(session.id()).get().state().name() == 'OPEN'
        with(query(session)) {
            done == true
            last_outcome == 'AMOUNT_MISMATCH'
        }
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentSessionOpened']
    }

    def "the stand-in's querydr checks a query as VNPay does: #problem is answered #code, signed"() {
        given:
        def session = open(690_000)
        buyer(session, 'pay')
        def body = VnPayRequests.queryRequest(session.txnRef(), VnPayDates.format(session.createdAt()), overrides, secret)

        when:
        def answer = json.readValue(post(body), Map)

        then:
        answer.vnp_ResponseCode == code
        answer.vnp_Command == 'querydr'
        answer.vnp_SecureHash == VnPayRequests.pipeHash(answer, VnPayRequests.QUERY_ANSWER_FIELDS)
        answer.vnp_TransactionStatus == status
        answer.vnp_Amount == amount

        where:
        problem                           | overrides                                  | secret                             || code | status | amount
        'a well-signed query'             | [:]                                        | VnPayRequests.SECRET               || '00' | '00'   | '69000000'
        'another creation date'           | [vnp_TransactionDate: '20200101000000']    | VnPayRequests.SECRET               || '91' | null   | null
        'another reference'               | [vnp_TxnRef: 'NOSUCHREF']                  | VnPayRequests.SECRET               || '91' | null   | null
        'another merchant secret'         | [:]                                        | 'not-the-merchant-secret'          || '97' | null   | null
        'another terminal code'           | [vnp_TmnCode: 'OTHERTMN']                  | VnPayRequests.SECRET               || '02' | null   | null
        'a malformed date'                | [vnp_CreateDate: 'yesterday']              | VnPayRequests.SECRET               || '03' | null   | null
    }

    def "the stand-in refuses a querydr request id used twice in a day (94)"() {
        given:
        def session = open(690_000)
        def body = VnPayRequests.queryRequest(session.txnRef(), VnPayDates.format(session.createdAt()))

        expect:
        json.readValue(post(body), Map).vnp_ResponseCode == '91'
        json.readValue(post(body), Map).vnp_ResponseCode == '94'
    }

    private PaymentSession open(long amountVnd) {
        def checkout = new CheckoutAwaitingPayment(Ids.newId(), 'CK-RECON' + amountVnd, Ids.newId(), PaymentMethod.VNPAY, amountVnd,
                Instant.now().plus(10, ChronoUnit.MINUTES), '127.0.0.1')
        def handler = context.getBeansOfType(EventHandler).find { it.type() == CheckoutAwaitingPayment.TYPE }
        tx.executeWrite { handler.handle(checkout, null) }
        sessions.findByCheckoutIdAndState(checkout.checkoutId(), SessionState.OPEN).get()
    }

    /** The buyer on the stand-in's page: follows its "pay" or "cancel" link. */
    private void buyer(PaymentSession session, String choice) {
        def page = get(session.payUrl())
        def link = (page.body() =~ /id="${choice}" class="button" href="([^"]+)"/)[0][1] as String
        assert get(link.replace('&amp;', '&')).statusCode() == 302
    }

    private String ipn(PaymentSession session, String transactionNo) {
        def params = VnPayRequests.ipn(session.txnRef(), session.amountVnd(), [vnp_TransactionNo: transactionNo])
        get("$base/payments/vnpay/ipn?${VnPayRequests.signed(params)}").body()
    }

    private Map<String, Object> query(PaymentSession session) {
        Infra.rows(tx, 'SELECT * FROM vnpay_queries WHERE session_id = ?', [session.id().toString()]).first()
    }

    private void dueNow(PaymentSession session) {
        Infra.execute(tx, 'UPDATE vnpay_queries SET next_query_at = ? WHERE session_id = ?',
                [Instant.now().minusSeconds(1), session.id().toString()])
    }

    private String post(Map<String, String> body) {
        http.send(HttpRequest.newBuilder(URI.create("$base/vnpay-standin/merchant_webapi/api/transaction"))
                .header('Content-Type', 'application/json')
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString()).body()
    }

    private HttpResponse<String> get(String url) {
        http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
    }

    private static int freePort() {
        new ServerSocket(0).withCloseable { it.localPort }
    }
}
