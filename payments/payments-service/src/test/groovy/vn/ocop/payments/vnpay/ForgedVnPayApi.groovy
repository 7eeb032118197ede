package vn.ocop.payments.vnpay

import io.micronaut.context.annotation.Requires
import io.micronaut.core.async.publisher.Publishers
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.MutableHttpResponse
import io.micronaut.http.annotation.Filter
import io.micronaut.http.filter.HttpServerFilter
import io.micronaut.http.filter.ServerFilterChain
import java.util.concurrent.atomic.AtomicReference
import org.reactivestreams.Publisher

/**
 * Someone between the reconciliation and the VNPay stand-in (VnPayReconciliationSpec only): while armed with a
 * secret and a reference, answers every call "paid" about that reference itself, signed with that secret instead of
 * the merchant's.
 */
@Requires(property = 'spec.name', value = 'VnPayReconciliationSpec')
@Filter('/vnpay-standin/merchant_webapi/**')
class ForgedVnPayApi implements HttpServerFilter {

    /** The forger's secret and the reference it answers about; nothing while disarmed. */
    final AtomicReference<List<String>> armed = new AtomicReference<>()

    @Override
    Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        List<String> forgery = armed.get()
        if (forgery == null) {
            return chain.proceed(request)
        }
        def (String secret, String txnRef) = forgery
        Map<String, String> answer = [vnp_ResponseId: '1', vnp_Command: 'querydr', vnp_ResponseCode: '00', vnp_Message: 'Query success',
                                      vnp_TmnCode: VnPayRequests.TMN_CODE, vnp_TxnRef: txnRef, vnp_Amount: '69000000',
                                      vnp_BankCode: 'NCB', vnp_PayDate: '20261120102210', vnp_TransactionNo: '99999999',
                                      vnp_TransactionType: '01', vnp_TransactionStatus: '00', vnp_OrderInfo: 'Kiem tra giao dich']
        answer.vnp_SecureHash = VnPayRequests.pipeHash(answer, VnPayRequests.QUERY_ANSWER_FIELDS, secret)
        Publishers.just(HttpResponse.ok(answer))
    }
}
