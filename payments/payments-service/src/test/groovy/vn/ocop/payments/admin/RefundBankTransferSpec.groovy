package vn.ocop.payments.admin

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.nio.charset.StandardCharsets
import java.time.Instant
import java.time.OffsetDateTime
import java.time.LocalDateTime
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter
import java.time.temporal.ChronoUnit
import org.apache.commons.csv.CSVFormat
import org.apache.commons.csv.CSVRecord
import vn.ocop.catalog.api.CatalogEvents
import vn.ocop.catalog.api.ProductPublished
import vn.ocop.orders.api.OrderPaid
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.orders.api.RefundRequested
import vn.ocop.payments.PaymentsDb
import vn.ocop.payments.api.PaymentMethod
import vn.ocop.payments.api.PaymentsEvents
import vn.ocop.payments.api.RefundCompleted
import vn.ocop.payments.ledger.LedgerDb
import vn.ocop.payments.session.PaymentSession
import vn.ocop.payments.session.PaymentSessions
import vn.ocop.platform.Infra
import vn.ocop.platform.ServiceSpecification
import vn.ocop.platform.consumer.EventDispatcher
import vn.ocop.platform.event.EventEnvelope
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

import static vn.ocop.payments.vietqr.VietQrTransfers.description
import static vn.ocop.payments.vietqr.VietQrTransfers.notice
import static vn.ocop.payments.vietqr.VietQrTransfers.signed

/**
 * Refunds of VietQR payments given back by the finance team's bank transfer: listed (JSON and the bank's CSV) with the
 * payer's account from the bank notifications, then recorded as sent (SUCCEEDED, one RefundCompleted, booked by the
 * ledger when payments reads its own stream back) or as failed (FAILED, nothing announced). Payments are made through
 * the real notification endpoint; orders' events and payments' own RefundCompleted go through the platform's dispatcher,
 * as the consumer hands them over.
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'RefundBankTransferSpec')
@Property(name = 'ocop.events.consumer.enabled', value = 'false')
@Property(name = 'ocop.events.relay.enabled', value = 'false')
@Property(name = 'ocop.payments.refunds.worker.enabled', value = 'false')
@Property(name = 'ocop.payments.payouts.schedule.enabled', value = 'false')
@Property(name = 'ocop.vnpay.reconcile.enabled', value = 'false')
class RefundBankTransferSpec extends ServiceSpecification {

    static final String REFUNDS = '/api/v1/admin/payments/refunds'
    static final String OWED = "$REFUNDS/bank-transfers"
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME

    @Inject PaymentSessions sessions
    @Inject EventDispatcher dispatcher
    UUID admin = Ids.newId()

    def setup() {
        LedgerDb.clean(tx)
        PaymentsDb.clean(tx)
    }

    /** Nothing is left behind for the next spec. */
    def cleanup() {
        LedgerDb.clean(tx)
        PaymentsDb.clean(tx)
    }

    def "an excess VietQR payment is listed with the payer's account, sent back by bank transfer once, announced once, and booked"() {
        given: 'the buyer sent 700 000 VND for a 690 000 VND payment'
        def (PaymentSession session, UUID refundId) = excess(690_000, 700_000, 'FT0009')
        String reference = "HT${refundIdBase36(refundId)}"

        when: 'the finance team reads what is owed'
        def page = body(call(get(OWED)))

        then: 'the refund, with the payer the bank notification named and a description carrying its reference'
        page.count == 1
        page.totalVnd == 10_000
        page.nextCursor == null
        def item = page.items.first()
        item.subMap(['refundId', 'transferReference', 'transferDescription', 'checkoutId', 'checkoutNumber', 'orderId', 'sessionId',
                     'txnRef', 'cause', 'amountVnd', 'requestedBy']) == present([
                refundId           : refundId.toString(), transferReference: reference,
                transferDescription: "HOAN TIEN DON CK-7Q4M2X9P MA $reference".toString(), checkoutId: session.checkoutId().toString(),
                checkoutNumber     : 'CK-7Q4M2X9P', orderId: null, sessionId: session.id().toString(), txnRef: session.txnRef(),
                cause              : 'EXCESS', amountVnd: 10_000, requestedBy: null])
        item.reason == "VietQR transfer FT0009 brought 10000 VND more than payment ${session.txnRef()} asked for".toString()
        (item.requestedAtLocal as String).endsWith('+07:00')
        Instant.parse(item.requestedAt as String) == PaymentsDb.utc(PaymentsDb.refund(tx, refundId).requested_at)
        item.payee.subMap(['status', 'accountNumber', 'accountName', 'bank']) ==
                [status: 'KNOWN', accountNumber: '19036054321012', accountName: 'NGUYỄN VĂN AN', bank: 'Techcombank']
        (item.payee.note as String).contains('bank/FT0009')
        item.notifications.collect { [it.source, it.transactionId, it.amountVnd, it.outcome, it.counterAccountNumber,
                                      it.transferredAtLocal] } ==
                [['bank', 'FT0009', 700_000, 'OVERPAID', '19036054321012', '2026-11-23T09:15:02+07:00']]

        when: 'and as the bank file'
        def file = download("${OWED}.csv")
        def records = csv(file)

        then: 'one row a bank import takes: bank, account, holder without accents, amount, description; then the operator columns'
        file.status.code == 200
        file.headers.contentType.get().startsWith('text/csv')
        file.header('Content-Disposition') ==~ /attachment; filename="ocop-refunds-bank-transfers-\d{8}-\d{6}\.csv"/
        records.size() == 1
        records.first().toMap().findAll { it.key != 'requested_at_local' } == [beneficiary_bank: 'Techcombank',
                account_number: '19036054321012', beneficiary_name: 'NGUYEN VAN AN', amount_vnd: '10000',
                description   : "HOAN TIEN DON CK-7Q4M2X9P MA $reference".toString(), refund_id: refundId.toString(),
                reference     : reference, checkout_number: 'CK-7Q4M2X9P', reason: item.reason, payee_status: 'KNOWN',
                payee_note    : item.payee.note]
        // the same instant, in Viet Nam's offset (JSON drops a fraction's trailing zeros, the file keeps six digits)
        OffsetDateTime.parse(records.first().get('requested_at_local')) == OffsetDateTime.parse(item.requestedAtLocal as String)
        records.first().get('requested_at_local').endsWith('+07:00')

        when: 'the operator made the transfer and records it with the statement amount'
        String at = local(Instant.now().plusSeconds(60))
        def report = [bankReference: 'FT26328123456', transferredAt: "$at+07:00".toString(), amountVnd: 10_000]
        def sent = call(post("$REFUNDS/$refundId/bank-transfer", report))

        then: 'the refund SUCCEEDED, sent to the notified account, and the administrator is on record'
        sent.status.code == 200
        def answer = body(sent)
        answer.subMap(['refundId', 'checkoutId', 'checkoutNumber', 'orderId', 'method', 'amountVnd', 'state', 'outcome',
                       'bankReference', 'transferredAtLocal', 'payeeAccountNumber', 'payeeAccountName', 'payeeBank', 'payeeFrom',
                       'failureReason', 'recordedBy']) == present([
                refundId     : refundId.toString(), checkoutId: session.checkoutId().toString(), checkoutNumber: 'CK-7Q4M2X9P',
                orderId      : null, method: 'VIETQR', amountVnd: 10_000, state: 'SUCCEEDED', outcome: 'SENT',
                bankReference: 'FT26328123456', transferredAtLocal: "$at+07:00".toString(), payeeAccountNumber: '19036054321012',
                payeeAccountName: 'NGUYỄN VĂN AN', payeeBank: 'Techcombank', payeeFrom: 'NOTIFIED', failureReason: null,
                recordedBy   : admin.toString()])
        Instant transferredAt = LocalDateTime.parse(at).toInstant(ZoneOffset.ofHours(7))
        with(PaymentsDb.refund(tx, refundId)) {
            state == 'SUCCEEDED'
            provider_transaction_no == 'FT26328123456'
            PaymentsDb.utc(completed_at) == transferredAt
        }
        def administrator = admin.toString()
        with(Infra.rows(tx, 'SELECT * FROM refund_bank_transfers').first()) {
            refund_id == refundId.toString()
            outcome == 'SENT'
            amount_vnd == 10_000
            recorded_by == administrator
            bank_reference == 'FT26328123456'
            payee_account_number == '19036054321012'
            payee_from == 'NOTIFIED'
        }

        and: 'one RefundCompleted in the outbox, with the bank reference as the provider reference'
        def events = PaymentsDb.events(tx, json, refundId.toString())
        events == [[type: 'RefundCompleted', data: [refundId: refundId.toString(), checkoutId: session.checkoutId().toString(),
                                                    method  : 'VIETQR', amountVnd: 10_000, providerReference: 'FT26328123456',
                                                    completedAt: transferredAt.toString()]]]

        when: 'the same record again, by another administrator'
        def again = call(post("$REFUNDS/$refundId/bank-transfer", report, Ids.newId()))

        then: 'the same answer, and nothing more happens'
        again.status.code == 200
        body(again) == answer
        PaymentsDb.events(tx, json, refundId.toString()).size() == 1
        Infra.count(tx, 'SELECT COUNT(*) FROM refund_bank_transfers') == 1

        when: 'another reference, or a failure, for the refund already sent'
        def other = call(post("$REFUNDS/$refundId/bank-transfer", report + [bankReference: 'FT26328999999']))
        def failure = call(post("$REFUNDS/$refundId/bank-transfer-failure", [reason: 'tài khoản đã đóng']))

        then:
        [other, failure].every { it.status.code == 409 && it.headers.contentType.get().startsWith('application/problem+json') }
        body(other).code == 'refund_already_transferred'
        body(failure).code == 'refund_already_transferred'
        PaymentsDb.refund(tx, refundId).state == 'SUCCEEDED'
        PaymentsDb.events(tx, json, refundId.toString()).size() == 1

        and: 'nothing is owed any more'
        body(call(get(OWED))).subMap(['count', 'totalVnd', 'items']) == [count: 0, totalVnd: 0, items: []]
        csv(download("${OWED}.csv")).isEmpty()

        when: 'payments reads its own RefundCompleted back from its stream, twice'
        def envelope = outboxed(refundId)
        def outcomes = [dispatcher.dispatch(PaymentsEvents.STREAM, envelope), dispatcher.dispatch(PaymentsEvents.STREAM, envelope)]

        then: 'the ledger records it once; money no seller was credited with stays outside the journal, which balances'
        outcomes == [EventDispatcher.Outcome.HANDLED, EventDispatcher.Outcome.DUPLICATE]
        Infra.rows(tx, 'SELECT refund_id, state, amount_vnd FROM ledger_refunds') ==
                [[refund_id: refundId.toString(), state: 'OUTSIDE', amount_vnd: 10_000]]
        balanced()
    }

    def "a cancelled order paid by VietQR: orders' refund is sent by bank transfer, and the ledger takes it back from the seller"() {
        given: 'a payment of exactly 690 000 VND, and the ledger knows its one seller order as paid'
        PaymentSession session = sessions.save(PaymentsDb.openSession(method: PaymentMethod.VIETQR, amountVnd: 690_000))
        assert call(signed(notice('FT0101', 690_000, description(session.txnRef())))).status.code == 200
        UUID seller = Ids.newId(), rice = Ids.newId(), order = Ids.newId()
        handle(CatalogEvents.STREAM, ProductPublished.TYPE, rice, LedgerDb.product(rice, seller, 'FOOD'))
        handle(OrdersEvents.STREAM, OrderPaid.TYPE, order, LedgerDb.paid(order, seller, [LedgerDb.line(rice, 2, 335_000)], 20_000,
                PaymentMethod.VIETQR, session.checkoutId()))
        assert LedgerDb.balances(tx, seller).pending == 690_000

        and: 'orders cancelled the order and asks for its money back'
        def request = new RefundRequested(Ids.newId(), session.checkoutId(), order, PaymentMethod.VIETQR, 690_000,
                'Người mua hủy đơn', Instant.now())
        handle(OrdersEvents.STREAM, RefundRequested.TYPE, session.checkoutId(), request)

        when:
        def item = body(call(get(OWED))).items.first()

        then: 'owed to the account the payment came from'
        item.subMap(['refundId', 'orderId', 'cause', 'amountVnd', 'reason']) ==
                [refundId: request.refundId().toString(), orderId: order.toString(), cause: 'ORDERS', amountVnd: 690_000,
                 reason  : 'Người mua hủy đơn']
        item.payee.subMap(['status', 'accountNumber', 'bank']) == [status: 'KNOWN', accountNumber: '19036054321012', bank: 'Techcombank']

        when: 'the operator records the transfer in Viet Nam time, as the statement shows it'
        String at = local(Instant.now().plusSeconds(30))
        def sent = call(post("$REFUNDS/${request.refundId()}/bank-transfer", [bankReference: 'FT26329000111', transferredAt: at]))

        then:
        sent.status.code == 200
        body(sent).state == 'SUCCEEDED'
        body(sent).transferredAt == LocalDateTime.parse(at).toInstant(ZoneOffset.ofHours(7)).toString()

        when: 'payments reads its RefundCompleted back'
        handled(outboxed(request.refundId()))

        then: 'the ledger posts the refund against the order: the seller no longer holds it, and every entry balances'
        Infra.rows(tx, 'SELECT state, applied_vnd FROM ledger_refunds') == [[state: 'APPLIED', applied_vnd: 690_000]]
        Infra.rows(tx, 'SELECT entry_type FROM ledger_entries ORDER BY seq')*.entry_type == ['ORDER_PAID', 'REFUND']
        LedgerDb.balances(tx, seller).pending == 0
        LedgerDb.account(tx, 'REFUNDS') == -690_000
        balanced()
    }

    def "a transfer that could not be made ends the refund FAILED, announces nothing, and the money can be refunded anew"() {
        given:
        def (PaymentSession session, UUID refundId) = excess(690_000, 700_000, 'FT0201')
        def reason = 'Tài khoản người nhận đã đóng'

        when:
        def failed = call(post("$REFUNDS/$refundId/bank-transfer-failure", [reason: reason]))
        def again = call(post("$REFUNDS/$refundId/bank-transfer-failure", [reason: "  $reason ".toString()], Ids.newId()))

        then: 'FAILED with why, as a provider refusal ends a refund: nothing is published; the same report again answers the same'
        failed.status.code == 200
        body(failed).subMap(['refundId', 'state', 'outcome', 'amountVnd', 'failureReason', 'bankReference', 'payeeFrom', 'recordedBy']) ==
                present([refundId: refundId.toString(), state: 'FAILED', outcome: 'FAILED', amountVnd: 10_000, failureReason: reason,
                         bankReference: null, payeeFrom: null, recordedBy: admin.toString()])
        again.status.code == 200
        body(again) == body(failed)
        with(PaymentsDb.refund(tx, refundId)) {
            state == 'FAILED'
            failure_reason == "the bank transfer failed: $reason".toString()
            completed_at != null
        }
        Infra.count(tx, 'SELECT COUNT(*) FROM outbox') == 1 // the PaymentSucceeded of the payment only
        Infra.count(tx, "SELECT COUNT(*) FROM outbox WHERE event_type = 'RefundCompleted'") == 0
        body(call(get(OWED))).count == 0

        when: 'another failure, or a transfer, for the failed refund'
        def otherReason = call(post("$REFUNDS/$refundId/bank-transfer-failure", [reason: 'sai tên người nhận']))
        def transfer = call(post("$REFUNDS/$refundId/bank-transfer", [bankReference: 'FT26330000001', transferredAt: nowLocal()]))

        then:
        body(otherReason).code == 'refund_already_ended'
        body(transfer).code == 'refund_already_ended'
        [otherReason, transfer]*.status*.code == [409, 409]
        PaymentsDb.refund(tx, refundId).state == 'FAILED'

        when: 'the buyer gives another account: an administrator refunds the excess anew'
        def asked = call(HttpRequest.POST(REFUNDS, [checkoutId: session.checkoutId(), amountVnd: 10_000, reason: 'Hoàn lại tiền thừa'])
                .bearerAuth(TestIdentity.admin(admin)).header('Idempotency-Key', 'excess-again-0001'))
        UUID second = UUID.fromString(body(asked).refundId as String)

        then: 'owed again, by bank transfer'
        asked.status.code == 201
        body(asked).method == 'VIETQR'
        body(call(get(OWED))).items.collect { [it.refundId, it.cause, it.amountVnd] } == [[second.toString(), 'ADMINISTRATOR', 10_000]]

        when: 'sent to the account the buyer gave'
        def sent = call(post("$REFUNDS/$second/bank-transfer", [bankReference: 'FT26330000002', transferredAt: nowLocal(),
                                                                accountNumber: '0071000123456', accountName: 'Nguyễn Văn An',
                                                                bank         : 'Vietcombank']))

        then:
        sent.status.code == 200
        body(sent).subMap(['state', 'payeeAccountNumber', 'payeeAccountName', 'payeeBank', 'payeeFrom']) ==
                [state: 'SUCCEEDED', payeeAccountNumber: '0071000123456', payeeAccountName: 'Nguyễn Văn An', payeeBank: 'Vietcombank',
                 payeeFrom: 'OPERATOR']
        PaymentsDb.events(tx, json, second.toString())*.type == ['RefundCompleted']
    }

    def "a payment whose notification named no sender: the operator is told to ask the buyer, and must say where the money went"() {
        given:
        def (PaymentSession session, UUID refundId) = excess(690_000, 695_000, 'FT0301',
                [counterAccountNumber: null, counterAccountName: null, counterBank: null])

        when:
        def item = body(call(get(OWED))).items.first()
        def all = csv(download("${OWED}.csv"))
        def payable = csv(download("${OWED}.csv?payee=KNOWN"))

        then: 'the list says so; the bank file carries the row without an account, or leaves it out when asked for payable rows'
        item.payee.subMap(['status', 'accountNumber', 'accountName', 'bank']) ==
                present([status: 'UNKNOWN', accountNumber: null, accountName: null, bank: null])
        (item.payee.note as String).contains('contact the buyer')
        all.collect { [it.account_number, it.amount_vnd, it.payee_status] } == [['', '5000', 'UNKNOWN']]
        payable.isEmpty()

        when: 'recorded without an account'
        def refused = call(post("$REFUNDS/$refundId/bank-transfer", [bankReference: 'FT26331000001', transferredAt: nowLocal()]))

        then:
        refused.status.code == 422
        body(refused).code == 'refund_payee_unknown'
        PaymentsDb.refund(tx, refundId).state == 'REQUESTED'

        when: 'with the account the buyer gave'
        def sent = call(post("$REFUNDS/$refundId/bank-transfer", [bankReference: 'FT26331000001', transferredAt: nowLocal(),
                                                                  accountNumber: '0071000654321', bank: 'BIDV']))

        then:
        sent.status.code == 200
        body(sent).subMap(['state', 'payeeAccountNumber', 'payeeAccountName', 'payeeBank', 'payeeFrom']) ==
                present([state: 'SUCCEEDED', payeeAccountNumber: '0071000654321', payeeAccountName: null, payeeBank: 'BIDV',
                         payeeFrom: 'OPERATOR'])
    }

    def "the list is read a page at a time, oldest request first"() {
        given:
        def refunds = [101, 102, 103].collect { excess(600_000, 600_000 + it * 1_000, "FT04$it")[1] }

        when:
        def first = body(call(get("$OWED?limit=2")))
        def second = body(call(get("$OWED?limit=2&cursor=${first.nextCursor}")))

        then:
        first.count == 3
        first.totalVnd == 306_000
        first.items*.refundId == refunds.take(2)*.toString()
        first.nextCursor
        second.items*.refundId == [refunds[2].toString()]
        second.nextCursor == null

        expect:
        [call(get("$OWED?cursor=not-a-cursor")), call(get("$OWED?limit=0")), call(get("$OWED?limit=201")),
         call(get("${OWED}.csv?payee=SOMEONE"))].every { it.status.code == 400 }
    }

    def "a record that cannot be accepted is refused with problem+json and changes nothing: #problem"() {
        given:
        def (PaymentSession session, UUID refundId) = excess(690_000, 700_000, 'FT0501')
        def vnpay = sessions.save(PaymentsDb.capturedSession(amountVnd: 300_000))
        def vnpayRefund = UUID.fromString(body(call(HttpRequest.POST(REFUNDS, [checkoutId: vnpay.checkoutId(), amountVnd: 1_000, reason: 'x'])
                .bearerAuth(TestIdentity.admin(admin)).header('Idempotency-Key', 'vnpay-refund-0001'))).refundId as String)
        if (which == 'used') {
            def (PaymentSession other, UUID otherRefund) = excess(500_000, 501_000, 'FT0502')
            assert call(post("$REFUNDS/$otherRefund/bank-transfer", [bankReference: 'FT26332000001', transferredAt: nowLocal()]))
                    .status.code == 200
        }
        UUID target = [vietqr: refundId, used: refundId, vnpay: vnpayRefund, unknown: Ids.newId()][which]
        def report = [bankReference: 'FT26332000001', transferredAt: nowLocal()] + changes
        def before = [refunds: Infra.rows(tx, 'SELECT * FROM refunds ORDER BY id'),
                      records: Infra.rows(tx, 'SELECT * FROM refund_bank_transfers ORDER BY refund_id'),
                      outbox : Infra.rows(tx, 'SELECT event_id FROM outbox ORDER BY seq')]

        when:
        def response = call(post("$REFUNDS/$target/${path}", report))

        then:
        response.status.code == status
        body(response).code == code
        response.headers.contentType.get().startsWith('application/problem+json')
        [refunds: Infra.rows(tx, 'SELECT * FROM refunds ORDER BY id'),
         records: Infra.rows(tx, 'SELECT * FROM refund_bank_transfers ORDER BY refund_id'),
         outbox : Infra.rows(tx, 'SELECT event_id FROM outbox ORDER BY seq')] == before

        where:
        problem                         | which     | path                     | changes                                           || status | code
        'an unknown refund'             | 'unknown' | 'bank-transfer'          | [:]                                               || 404    | 'refund_unknown'
        'an unknown refund failing'     | 'unknown' | 'bank-transfer-failure'  | [reason: 'x']                                     || 404    | 'refund_unknown'
        'a VNPay refund'                | 'vnpay'   | 'bank-transfer'          | [:]                                               || 409    | 'refund_not_bank_transfer'
        'a VNPay refund failing'        | 'vnpay'   | 'bank-transfer-failure'  | [reason: 'x']                                     || 409    | 'refund_not_bank_transfer'
        'a reference already used'      | 'used'    | 'bank-transfer'          | [:]                                               || 409    | 'refund_bank_reference_used'
        'another amount'                | 'vietqr'  | 'bank-transfer'          | [amountVnd: 10_001]                               || 422    | 'refund_transfer_amount_mismatch'
        'a transfer still to come'      | 'vietqr'  | 'bank-transfer'          | [transferredAt: local(Instant.now().plusSeconds(3600))] || 422 | 'refund_transfer_in_future'
        'a transfer before the request' | 'vietqr'  | 'bank-transfer'          | [transferredAt: local(Instant.now().minusSeconds(86_400))]|| 422    | 'refund_transfer_before_request'
        'a blank reference'             | 'vietqr'  | 'bank-transfer'          | [bankReference: '  ']                             || 400    | 'invalid_request'
        'no reference'                  | 'vietqr'  | 'bank-transfer'          | [bankReference: null]                             || 400    | 'invalid_request'
        'a reference with spaces'       | 'vietqr'  | 'bank-transfer'          | [bankReference: 'FT 2633']                        || 400    | 'invalid_request'
        'no transfer time'              | 'vietqr'  | 'bank-transfer'          | [transferredAt: null]                             || 400    | 'invalid_request'
        'not a time'                    | 'vietqr'  | 'bank-transfer'          | [transferredAt: 'hôm qua']                        || 400    | 'invalid_request'
        'an account without its bank'   | 'vietqr'  | 'bank-transfer'          | [accountNumber: '0071000123456']                  || 400    | 'invalid_request'
        'a malformed account'           | 'vietqr'  | 'bank-transfer'          | [accountNumber: '12', bank: 'BIDV']               || 400    | 'invalid_request'
        'a blank reason'                | 'vietqr'  | 'bank-transfer-failure'  | [reason: ' ']                                     || 400    | 'invalid_request'
    }

    def "only administrators see and settle bank-transfer refunds: #who gets #status"() {
        given:
        def (PaymentSession session, UUID refundId) = excess(690_000, 700_000, 'FT0601')
        def requests = [HttpRequest.GET(OWED), HttpRequest.GET("${OWED}.csv"),
                        HttpRequest.POST("$REFUNDS/$refundId/bank-transfer", [bankReference: 'FT26333000001', transferredAt: nowLocal()]),
                        HttpRequest.POST("$REFUNDS/$refundId/bank-transfer-failure", [reason: 'tài khoản đã đóng'])]

        when:
        def responses = requests.collect { this.call(token ? it.bearerAuth(token) : it) }

        then:
        responses*.status*.code == [status] * 4
        PaymentsDb.refund(tx, refundId).state == 'REQUESTED'
        Infra.count(tx, 'SELECT COUNT(*) FROM refund_bank_transfers') == 0

        where:
        who          | token                                   || status
        'anonymous'  | null                                    || 401
        'a buyer'    | TestIdentity.buyer(Ids.newId())         || 403
        'a seller'   | TestIdentity.seller(Ids.newId())        || 403
        'an officer' | TestIdentity.officer(Ids.newId(), '92') || 403
    }

    /** A VietQR payment of {@code amountVnd} paid with one transfer of {@code paidVnd}: the session and its excess refund. */
    private List excess(long amountVnd, long paidVnd, String transactionId, Map overrides = [:]) {
        PaymentSession session = sessions.save(PaymentsDb.openSession(method: PaymentMethod.VIETQR, amountVnd: amountVnd,
                checkoutNumber: 'CK-7Q4M2X9P'))
        def answer = call(signed(notice(transactionId, paidVnd, description(session.txnRef()), overrides)))
        assert answer.status.code == 200 && body(answer).excessVnd == paidVnd - amountVnd
        def refunds = PaymentsDb.refunds(tx, session.checkoutId())
        assert refunds*.state == ['REQUESTED']
        [session, UUID.fromString(refunds.first().id as String)]
    }

    private HttpRequest<?> get(String uri) {
        HttpRequest.GET(uri).bearerAuth(TestIdentity.admin(admin))
    }

    private HttpRequest<?> post(String uri, Map body, UUID administrator = admin) {
        HttpRequest.POST(uri, body).bearerAuth(TestIdentity.admin(administrator))
    }

    /** The JSON answer's fields: a null one is left out of the body. */
    private static Map present(Map expected) {
        expected.findAll { it.value != null }
    }

    /** The CSV file an administrator downloads. */
    private HttpResponse<byte[]> download(String uri) {
        http.toBlocking().exchange(get(uri), byte[])
    }

    /** The CSV file's records, by header. */
    private static List<CSVRecord> csv(HttpResponse<byte[]> response) {
        assert response.status.code == 200
        String text = new String(response.body(), StandardCharsets.UTF_8)
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).records
    }

    /** The refund's RefundCompleted as the relay would append it to payments' stream. */
    private EventEnvelope outboxed(UUID refundId) {
        def rows = Infra.rows(tx, "SELECT envelope FROM outbox WHERE aggregate_id = ? AND event_type = 'RefundCompleted'",
                [refundId.toString()])
        assert rows.size() == 1
        json.readValue(rows.first().envelope as String, EventEnvelope)
    }

    private void handle(String stream, String type, UUID aggregateId, Object data) {
        handled(LedgerDb.envelope(json, type, aggregateId, data), stream)
    }

    private void handled(EventEnvelope envelope, String stream = PaymentsEvents.STREAM) {
        assert dispatcher.dispatch(stream, envelope) == EventDispatcher.Outcome.HANDLED
    }

    /** Every journal entry balances, and so do all accounts together. */
    private boolean balanced() {
        assert Infra.rows(tx, '''SELECT e.id FROM ledger_entries e JOIN ledger_lines l ON l.entry_id = e.id GROUP BY e.id, e.amount_vnd
                                 HAVING SUM(l.debit_vnd) <> SUM(l.credit_vnd) OR SUM(l.debit_vnd) <> e.amount_vnd''').isEmpty()
        assert Infra.count(tx, 'SELECT COALESCE(SUM(debit_vnd - credit_vnd), 0) FROM ledger_lines') == 0
        true
    }

    private static String local(Instant at) {
        LOCAL.format(at.atOffset(ZoneOffset.ofHours(7)).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS))
    }

    private static String nowLocal() {
        local(Instant.now().plusSeconds(60))
    }

    private static String refundIdBase36(UUID id) {
        def bits = java.nio.ByteBuffer.allocate(16).putLong(id.mostSignificantBits).putLong(id.leastSignificantBits).array()
        new BigInteger(1, bits).toString(36).toUpperCase().padLeft(25, '0')
    }
}
