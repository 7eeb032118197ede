package vn.ocop.payments.refund

import io.micronaut.context.annotation.Requires
import io.micronaut.core.async.publisher.Publishers
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.HttpStatus
import io.micronaut.http.MutableHttpResponse
import io.micronaut.http.annotation.Filter
import io.micronaut.http.filter.HttpServerFilter
import io.micronaut.http.filter.ServerFilterChain
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.atomic.AtomicInteger
import org.reactivestreams.Publisher

/**
 * The network between the refund worker and the VNPay stand-in, made to fail on cue (VnPayRefundSpec only): each call
 * takes the next scripted fault, and passes once the script is empty.
 */
@Requires(property = 'spec.name', value = 'VnPayRefundSpec')
@Filter('/vnpay-standin/merchant_webapi/**')
class FlakyVnPayApi implements HttpServerFilter {

    enum Fault {
        /** VNPay never sees the call: a 503 from the network in between. */
        UNAVAILABLE,
        /** VNPay carries the call out, but its answer is lost on the way back: a 504 arrives instead. */
        ANSWER_LOST
    }

    final Queue<Fault> script = new ConcurrentLinkedQueue<>()
    final AtomicInteger calls = new AtomicInteger()

    @Override
    Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        calls.incrementAndGet()
        switch (script.poll()) {
            case Fault.UNAVAILABLE:
                return Publishers.just(HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE))
            case Fault.ANSWER_LOST:
                return Publishers.map(chain.proceed(request), { response -> HttpResponse.status(HttpStatus.GATEWAY_TIMEOUT) })
            default:
                return chain.proceed(request)
        }
    }

    void reset() {
        script.clear()
        calls.set(0)
    }
}
