package vn.ocop.platform.trace;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;

/** Gives every request a trace context (continuing the caller's when it sends one) and echoes it back. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class TraceFilter {

    @RequestFilter
    void onRequest(HttpRequest<?> request, MutablePropagatedContext context) {
        String incoming = request.getHeaders().get(TraceContext.HEADER);
        String traceparent = TraceContext.isValid(incoming) ? TraceContext.childOf(incoming) : TraceContext.newRoot();
        request.setAttribute(TraceContext.REQUEST_ATTRIBUTE, traceparent);
        context.add(new MdcPropagationContext(Map.of(TraceContext.MDC_KEY, TraceContext.traceId(traceparent))));
    }

    @ResponseFilter
    void onResponse(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(TraceContext.REQUEST_ATTRIBUTE, String.class)
                .ifPresent(traceparent -> response.header(TraceContext.HEADER, traceparent));
    }
}
