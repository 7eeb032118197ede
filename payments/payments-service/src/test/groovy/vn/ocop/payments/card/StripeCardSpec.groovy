package vn.ocop.payments.card

import com.stripe.StripeClient
import com.stripe.model.PaymentIntent
import com.stripe.net.ApiResource
import com.stripe.net.Webhook
import com.stripe.param.PaymentIntentConfirmParams
import io.micronaut.context.ApplicationContext
import io.micronaut.json.JsonMapper
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.transaction.TransactionOperations
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets
import java.sql.Connection
import java.time.Instant
import java.time.temporal.ChronoUnit
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions
import vn.ocop.orders.api.CheckoutAwaitingPayment
import vn.ocop.orders.api.CheckoutCancelled
import vn.ocop.orders.api.RefundRequested
import vn.ocop.payments.PaymentsDb
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.ledger.LedgerDb
import vn.ocop.payments.card.standin.StripeStandIn
import vn.ocop.payments.session.PaymentSession
import vn.ocop.payments.session.PaymentSessions
import vn.ocop.platform.Infra
import vn.ocop.platform.event.EventHandler
import vn.ocop.platform.event.Ids

/**
 * Card payments end to end with no internet: CARD sessions opened as orders asks, the buyer's card page creating the
 * PaymentIntent at the local Stripe stand-in through stripe-java, payments confirmed there with Stripe's test payment
 * methods, and the stand-in's webhooks, signed by stripe-java's own helper, arriving at our real endpoint over HTTP.
 * Refunds go through the refund worker to the stand-in's refunds API.
 */
class StripeCardSpec extends Specification {

    static final String WEBHOOK_SECRET = 'whsec_test-only-stripe-webhook-secret-for-the-payments-specs'

    @Shared String base = "http://127.0.0.1:${freePort()}"
    @Shared @AutoCleanup EmbeddedServer server = ApplicationContext.run(EmbeddedServer, [
            'spec.name'                       : 'StripeCardSpec',
            'micronaut.server.port'           : URI.create(base).port,
            'ocop.events.consumer.enabled'    : 'false',
            'ocop.stripe.enabled'             : 'true',
            'ocop.stripe.secret-key'          : 'sk_test_only-for-the-payments-specs',
            'ocop.stripe.publishable-key'     : 'pk_test_only-for-the-payments-specs',
            'ocop.stripe.webhook-secret'      : WEBHOOK_SECRET,
            'ocop.stripe.api-base'            : "$base/stripe-standin".toString(),
            'ocop.stripe.page-base-url'       : base,
            'ocop.stripe.standin.enabled'     : 'true',
            'ocop.stripe.standin.webhook-url' : "$base/payments/stripe/webhook".toString()], 'test')
    @Shared ApplicationContext context = server.applicationContext
    @Shared TransactionOperations<Connection> tx = context.getBean(TransactionOperations)
    @Shared JsonMapper json = context.getBean(JsonMapper)
    @Shared PaymentSessions sessions = context.getBean(PaymentSessions)
    @Shared StripeStandIn standIn = context.getBean(StripeStandIn)
    @Shared StripeClient stripe = context.getBean(StripeClient)
    @Shared HttpClient http = HttpClient.newBuilder().build()
    def conditions = new PollingConditions(timeout: 20, delay: 0.05)

    def setup() {
        ['card_refund_notices', 'card_webhook_events', 'card_intents'].each { Infra.execute(tx, "DELETE FROM $it") }
        PaymentsDb.clean(tx)
    }

    def "a CARD checkout gets a session that redirects to our card page, and the page makes one PaymentIntent, however often it opens"() {
        given: 'orders asks twice for the same checkout'
        def checkout = awaiting(690_000)
        handle(CheckoutAwaitingPayment.TYPE, checkout)
        handle(CheckoutAwaitingPayment.TYPE, checkout)

        expect: 'one session, announced with the redirect to our card page'
        def session = sessionOf(checkout)
        Infra.count(tx, 'SELECT COUNT(*) FROM payment_sessions WHERE checkout_id = ?', [checkout.checkoutId().toString()]) == 1
        def opened = PaymentsDb.events(tx, json, session.id().toString())
        opened*.type == ['PaymentSessionOpened']
        opened[0].data.method == 'CARD'
        opened[0].data.action.kind == 'REDIRECT'
        opened[0].data.action.url == "$base/payments/card/${session.txnRef()}".toString()
        standIn.intents().findAll { it.metadata[CardIntents.TXN_REF] == session.txnRef() }.empty

        when: 'the buyer opens the page twice, and once more after our record of the intent was lost'
        def first = page(session.txnRef())
        def second = page(session.txnRef(), 'en')
        Infra.execute(tx, 'DELETE FROM card_intents')
        def third = page(session.txnRef())

        then: 'Stripe made one intent for the session: whole dong, VND, our references in its metadata'
        def made = standIn.intents().findAll { it.metadata[CardIntents.TXN_REF] == session.txnRef() }
        made.size() == 1
        with(made.first()) {
            amount == 690_000L
            currency == 'vnd'
            metadata == [ocop_session_id: session.id().toString(), ocop_txn_ref: session.txnRef(), ocop_checkout_number: 'CK-CARD0001']
        }
        Infra.rows(tx, 'SELECT intent_id, amount_vnd FROM card_intents WHERE session_id = ?', [session.id().toString()]) ==
                [[intent_id: made.first().id, amount_vnd: 690_000L]]

        and: 'each page carries the intent for Stripe.js, in Vietnamese or English, and is never cached'
        [first, second, third].every { it.statusCode() == 200 && it.body().contains("data-client-secret=\"${made.first().clientSecret}\"") }
        [first, second, third].every { it.headers().firstValue('Cache-Control').orElse('') == 'no-store' }
        first.body().contains('Thanh toán bằng thẻ') && first.body().contains('690.000 ₫')
        first.body().contains('data-publishable-key="pk_test_only-for-the-payments-specs"')
        first.body().contains('<script src="https://js.stripe.com/v3/">')
        second.body().contains('Pay by card') && second.body().contains('690,000 VND')
        !first.body().contains('sk_test_only')
    }

    def "a card paid at Stripe succeeds the session once, announced with method CARD"() {
        given:
        def session = opened(350_000)
        def intent = intentOf(session)

        when:
        confirm(intent, StripeStandIn.PAY)

        then: 'the stand-in signed the webhook and our endpoint accepted it'
        def delivery = standIn.deliveries().find { it.type() == 'payment_intent.succeeded' && it.payload().contains(intent) }
        delivery.status() == 200
        with(PaymentsDb.session(tx, session.txnRef())) {
            state == 'SUCCEEDED'
            provider_transaction_no == intent
            provider_response_code == 'captured'
            captured_checkout_id == session.checkoutId().toString()
        }
        def succeeded = PaymentsDb.events(tx, json, session.id().toString()).findAll { it.type == 'PaymentSucceeded' }
        succeeded.size() == 1
        succeeded[0].data.method == 'CARD'
        succeeded[0].data.amountVnd == 350_000
        succeeded[0].data.providerReference == intent
        eventRow(delivery.eventId()).outcome == 'SUCCEEDED'

        and: 'the page now tells the buyer it is paid'
        page(session.txnRef()).body().contains('Thanh toán thành công')
    }

    def "a webhook replayed ten times at once, and the same news under another event id, change nothing more"() {
        given:
        def session = opened(200_000)
        def intent = intentOf(session)
        confirm(intent, StripeStandIn.PAY)
        def delivery = standIn.deliveries().find { it.type() == 'payment_intent.succeeded' && it.payload().contains(intent) }

        when: 'ten copies arrive together, each signed afresh as Stripe signs its retries'
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(10)
        def statuses = (1..10).collect { pool.submit({ start.await(); standIn.deliver(delivery.payload()) } as Callable<Integer>) }
        start.countDown()
        def answered = statuses*.get()
        pool.shutdown()

        and: 'Stripe sends the same success again as a new event'
        def paid = stripe.v1().paymentIntents().retrieve(intent)
        def again = StripeStandIn.payload(standIn.event('payment_intent.succeeded', paid))
        def againStatus = standIn.deliver(again)

        then:
        answered == [200] * 10
        againStatus == 200
        PaymentsDb.events(tx, json, session.id().toString()).count { it.type == 'PaymentSucceeded' } == 1
        Infra.count(tx, 'SELECT COUNT(*) FROM card_webhook_events WHERE event_id = ?', [delivery.eventId()]) == 1
        eventRow(ApiResource.GSON.fromJson(again, Map).id as String).outcome == 'NO_CHANGE'
    }

    def "a webhook that is unsigned, forged, altered by one byte or older than the tolerance is refused and changes nothing"() {
        given: 'a genuine success event for an open session, as Stripe would write it'
        def session = opened(500_000)
        def intent = succeededCopy(intentOf(session))
        def payload = StripeStandIn.payload(standIn.event('payment_intent.succeeded', intent))
        long now = Instant.now().epochSecond
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8)
        int at = payload.indexOf('500000')
        bytes[at] = (byte) ('6' as char)
        def altered = new String(bytes, StandardCharsets.UTF_8)

        expect: 'each attack gets a 400 problem'
        with(post(payload, null)) { statusCode() == 400 && problem(it) == 'missing_stripe_signature' }
        with(post(payload, Webhook.Signature.generateSignatureHeader(payload, 'whsec_not-our-secret', now))) {
            statusCode() == 400 && problem(it) == 'invalid_stripe_signature'
        }
        with(post(altered, standIn.signatureHeader(payload, now))) { statusCode() == 400 && problem(it) == 'invalid_stripe_signature' }
        with(post(payload, standIn.signatureHeader(payload, now - 301))) { statusCode() == 400 && problem(it) == 'invalid_stripe_signature' }
        with(post(payload, "t=$now,v1=${'0' * 64}")) { statusCode() == 400 && problem(it) == 'invalid_stripe_signature' }

        and: 'nothing changed'
        PaymentsDb.session(tx, session.txnRef()).state == 'OPEN'
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentSessionOpened']
        Infra.count(tx, 'SELECT COUNT(*) FROM card_webhook_events') == 0

        when: 'the genuine event, signed by stripe-java four minutes ago (within the tolerance)'
        def accepted = post(payload, standIn.signatureHeader(payload, now - 240))

        then:
        accepted.statusCode() == 200
        json.readValue(accepted.body(), Map).outcome == 'SUCCEEDED'
        PaymentsDb.session(tx, session.txnRef()).state == 'SUCCEEDED'
    }

    def "a declined card fails the session with PaymentFailed, and its intent is cancelled so it takes no later card"() {
        given:
        def session = opened(120_000)
        def intent = intentOf(session)

        when:
        confirm(intent, StripeStandIn.DECLINE)

        then:
        with(PaymentsDb.session(tx, session.txnRef())) {
            state == 'FAILED'
            provider_transaction_no == intent
            provider_response_code == 'declined'
        }
        def failed = PaymentsDb.events(tx, json, session.id().toString()).findAll { it.type == 'PaymentFailed' }
        failed.size() == 1
        failed[0].data.method == 'CARD'
        failed[0].data.reason == 'the card payment failed: generic_decline'
        stripe.v1().paymentIntents().retrieve(intent).status == 'canceled'
        page(session.txnRef()).statusCode() == 409
    }

    def "an intent whose amount or currency is not the session's is refused and changes nothing"() {
        given:
        def session = opened(300_000)
        def intent = succeededCopy(intentOf(session))
        intent.amount = amount
        intent.currency = currency
        def payload = StripeStandIn.payload(standIn.event('payment_intent.succeeded', intent))

        when:
        def response = post(payload, standIn.signatureHeader(payload, Instant.now().epochSecond))

        then:
        response.statusCode() == 422
        problem(response) == 'stripe_amount_mismatch'
        PaymentsDb.session(tx, session.txnRef()).state == 'OPEN'
        Infra.count(tx, 'SELECT COUNT(*) FROM card_webhook_events') == 0

        where:
        amount    | currency
        1L        | 'vnd'
        300_001L  | 'vnd'
        300_000L  | 'usd'
    }

    def "a card paid after its checkout was cancelled is captured all the same, and refunded through Stripe when orders asks"() {
        given: 'a session whose page the buyer opened, then the checkout is cancelled'
        def session = opened(450_000)
        def intent = intentOf(session)
        handle(CheckoutCancelled.TYPE, new CheckoutCancelled(session.checkoutId(), session.checkoutNumber(), Ids.newId(), 'EXPIRED',
                Instant.now()))
        assert PaymentsDb.session(tx, session.txnRef()).state == 'CANCELLED'

        when: 'the buyer pays on the page still open'
        confirm(intent, StripeStandIn.PAY)

        then: 'the payment is recorded as VNPay late payments are: orders finds its checkout cancelled and asks for the refund'
        with(PaymentsDb.session(tx, session.txnRef())) {
            state == 'SUCCEEDED'
            captured_checkout_id == session.checkoutId().toString()
        }
        PaymentsDb.events(tx, json, session.id().toString()).count { it.type == 'PaymentSucceeded' } == 1
        Infra.rows(tx, 'SELECT outcome FROM card_webhook_events WHERE intent_id = ?', [intent])*.outcome == ['LATE_CAPTURE']

        when: 'orders asks for the refund'
        def request = new RefundRequested(Ids.newId(), session.checkoutId(), null, PaymentMethod.CARD, 450_000, 'paid after cancellation',
                Instant.now())
        handle(RefundRequested.TYPE, request)

        then: 'the worker refunds it at Stripe once, and Stripe reports the charge refunded'
        conditions.eventually {
            assert PaymentsDb.refund(tx, request.refundId())?.state == 'SUCCEEDED'
        }
        with(PaymentsDb.refund(tx, request.refundId())) {
            attempts == 1
            (provider_transaction_no as String).startsWith('re_')
        }
        PaymentsDb.events(tx, json, request.refundId().toString())*.type == ['RefundCompleted']
        conditions.eventually {
            assert Infra.rows(tx, 'SELECT session_id, amount_refunded_vnd, fully_refunded FROM card_refund_notices WHERE intent_id = ?',
                    [intent]) == [[session_id: session.id().toString(), amount_refunded_vnd: 450_000L, fully_refunded: true]]
        }
    }

    def "webhooks replayed after the card payment was refunded in full are acknowledged and change nothing"() {
        given: 'a card payment captured, then refunded in full through Stripe as orders asked, and Stripe saying so'
        def session = opened(400_000)
        def intent = intentOf(session)
        confirm(intent, StripeStandIn.PAY)
        def request = new RefundRequested(Ids.newId(), session.checkoutId(), null, PaymentMethod.CARD, 400_000, 'order cancelled',
                Instant.now())
        handle(RefundRequested.TYPE, request)
        conditions.eventually {
            assert PaymentsDb.refund(tx, request.refundId())?.state == 'SUCCEEDED'
            assert Infra.count(tx, 'SELECT COUNT(*) FROM card_refund_notices WHERE intent_id = ? AND fully_refunded', [intent]) == 1
        }
        def paid = standIn.deliveries().find { it.type() == 'payment_intent.succeeded' && it.payload().contains(intent) }
        def refunded = standIn.deliveries().find { it.type() == 'charge.refunded' && it.payload().contains(intent) }
        def before = everything(session)

        when: 'the webhook of the payment is replayed ten times, that of the refund once, each signed afresh as Stripe retries'
        def replays = (1..10).collect { standIn.deliver(paid.payload()) } + [standIn.deliver(refunded.payload())]

        and: 'the same success arrives under a new event id'
        def again = StripeStandIn.payload(standIn.event('payment_intent.succeeded', stripe.v1().paymentIntents().retrieve(intent)))
        def againStatus = standIn.deliver(again)

        then: 'Stripe gets its 2xx each time'
        replays == [200] * 11
        againStatus == 200

        and: 'the session, its events, its refund and the ledger are as they were; Stripe refunded once'
        everything(session) == before
        PaymentsDb.events(tx, json, session.id().toString())*.type == ['PaymentSessionOpened', 'PaymentSucceeded']
        PaymentsDb.refunds(tx, session.checkoutId()).collect { [it.amount_vnd, it.state] } == [[400_000, 'SUCCEEDED']]
        standIn.deliveries().count { it.type() == 'charge.refunded' && it.payload().contains(intent) } == 1
        eventRow(ApiResource.GSON.fromJson(again, Map).id as String).outcome == 'NO_CHANGE'
    }

    def "a partial card refund refunds that much, with our request id as Stripe's idempotency key"() {
        given:
        def session = opened(800_000)
        def intent = intentOf(session)
        confirm(intent, StripeStandIn.PAY)

        when:
        def request = new RefundRequested(Ids.newId(), session.checkoutId(), Ids.newId(), PaymentMethod.CARD, 300_000, 'one order cancelled',
                Instant.now())
        handle(RefundRequested.TYPE, request)

        then:
        conditions.eventually {
            assert PaymentsDb.refund(tx, request.refundId())?.state == 'SUCCEEDED'
        }
        conditions.eventually {
            assert Infra.rows(tx, 'SELECT amount_refunded_vnd, fully_refunded FROM card_refund_notices WHERE intent_id = ?', [intent]) ==
                    [[amount_refunded_vnd: 300_000L, fully_refunded: false]]
        }

        and: 'the same request id sent again (as after an answer lost on the way) is the same refund at Stripe'
        def row = PaymentsDb.refund(tx, request.refundId())
        def replayed = stripe.v1().refunds().create(com.stripe.param.RefundCreateParams.builder().setPaymentIntent(intent)
                .setAmount(300_000L).putMetadata('ocop_refund_id', request.refundId().toString())
                .putMetadata(CardIntents.TXN_REF, session.txnRef()).build(),
                com.stripe.net.RequestOptions.builder().setIdempotencyKey(row.request_id as String).build())
        replayed.id == row.provider_transaction_no
        Infra.count(tx, 'SELECT COUNT(*) FROM card_refund_notices WHERE intent_id = ?', [intent]) == 1
    }

    def "with no internet the stand-in's Stripe.js pays from the card page: publishable key and client secret, as Stripe.js confirms"() {
        given:
        def session = opened(90_000)
        def intent = stripe.v1().paymentIntents().retrieve(intentOf(session))

        expect: 'the stand-in serves a Stripe.js with the calls our page makes'
        def js = http.send(HttpRequest.newBuilder(URI.create("$base/stripe-standin/v3/")).GET().build(), HttpResponse.BodyHandlers.ofString())
        js.statusCode() == 200
        js.body().contains('window.Stripe = function (publishableKey)') && js.body().contains('confirmPayment')

        when: 'a confirmation with the publishable key but another client secret'
        def forged = browserConfirm(intent.id, intent.id + '_secret_guessed', StripeStandIn.PAY)

        then:
        forged.statusCode() == 401
        PaymentsDb.session(tx, session.txnRef()).state == 'OPEN'

        when: 'the buyer confirms on the page'
        def paid = browserConfirm(intent.id, intent.clientSecret, StripeStandIn.PAY)

        then:
        paid.statusCode() == 200
        json.readValue(paid.body(), Map).status == 'succeeded'
        PaymentsDb.session(tx, session.txnRef()).state == 'SUCCEEDED'
    }

    /** What a webhook must not change: the session, its refunds and the refunds Stripe reported, the outbox, the ledger. */
    private Map<String, Object> everything(PaymentSession session) {
        [session: PaymentsDb.session(tx, session.txnRef()),
         refunds: PaymentsDb.refunds(tx, session.checkoutId()),
         notices: Infra.rows(tx, 'SELECT * FROM card_refund_notices WHERE session_id = ? ORDER BY event_id', [session.id().toString()]),
         outbox : Infra.rows(tx, 'SELECT event_id, event_type, aggregate_id FROM outbox ORDER BY seq'),
         ledger : LedgerDb.snapshot(tx)]
    }

    private HttpResponse<String> browserConfirm(String intentId, String clientSecret, String paymentMethod) {
        def form = "payment_method=${URLEncoder.encode(paymentMethod, 'UTF-8')}&client_secret=${URLEncoder.encode(clientSecret, 'UTF-8')}"
        http.send(HttpRequest.newBuilder(URI.create("$base/stripe-standin/v1/payment_intents/$intentId/confirm"))
                .header('Authorization', 'Bearer pk_test_only-for-the-payments-specs')
                .header('Content-Type', 'application/x-www-form-urlencoded')
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString())
    }

    private CheckoutAwaitingPayment awaiting(long amountVnd) {
        new CheckoutAwaitingPayment(Ids.newId(), 'CK-CARD0001', Ids.newId(), PaymentMethod.CARD, amountVnd,
                Instant.now().plus(10, ChronoUnit.MINUTES), '113.161.72.10')
    }

    /** A CARD session opened as orders asks, whose page the buyer has opened (so it has its intent). */
    private PaymentSession opened(long amountVnd) {
        def checkout = awaiting(amountVnd)
        handle(CheckoutAwaitingPayment.TYPE, checkout)
        def session = sessionOf(checkout)
        assert page(session.txnRef()).statusCode() == 200
        session
    }

    private PaymentSession sessionOf(CheckoutAwaitingPayment checkout) {
        def ref = Infra.rows(tx, 'SELECT txn_ref FROM payment_sessions WHERE checkout_id = ?', [checkout.checkoutId().toString()])
                .first().txn_ref as String
        sessions.findByTxnRef(ref).get()
    }

    private String intentOf(PaymentSession session) {
        Infra.rows(tx, 'SELECT intent_id FROM card_intents WHERE session_id = ?', [session.id().toString()]).first().intent_id
    }

    /** The intent as Stripe would describe it once paid, without paying it at the stand-in. */
    private PaymentIntent succeededCopy(String intentId) {
        def intent = stripe.v1().paymentIntents().retrieve(intentId)
        intent.status = 'succeeded'
        intent.amountReceived = intent.amount
        intent
    }

    private void confirm(String intentId, String paymentMethod) {
        stripe.v1().paymentIntents().confirm(intentId, PaymentIntentConfirmParams.builder().setPaymentMethod(paymentMethod).build())
    }

    private void handle(String type, Object event) {
        def handler = context.getBeansOfType(EventHandler).find { it.type() == type }
        tx.executeWrite { handler.handle(event, null) }
    }

    private Map<String, Object> eventRow(String eventId) {
        Infra.rows(tx, 'SELECT * FROM card_webhook_events WHERE event_id = ?', [eventId]).with { it ? it.first() : null }
    }

    private HttpResponse<String> page(String ref, String lang = null) {
        http.send(HttpRequest.newBuilder(URI.create("$base/payments/card/$ref" + (lang ? "?lang=$lang" : ''))).GET().build(),
                HttpResponse.BodyHandlers.ofString())
    }

    private HttpResponse<String> post(String payload, String signature) {
        def request = HttpRequest.newBuilder(URI.create("$base/payments/stripe/webhook"))
                .header('Content-Type', 'application/json; charset=utf-8')
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
        if (signature != null) {
            request.header('Stripe-Signature', signature)
        }
        http.send(request.build(), HttpResponse.BodyHandlers.ofString())
    }

    private String problem(HttpResponse<String> response) {
        assert response.headers().firstValue('Content-Type').orElse('').startsWith('application/problem+json')
        json.readValue(response.body(), Map).code
    }

    private static int freePort() {
        new ServerSocket(0).withCloseable { it.localPort }
    }
}
