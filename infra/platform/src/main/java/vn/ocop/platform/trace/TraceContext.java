package vn.ocop.platform.trace;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.context.ServerRequestContext;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * W3C trace context ({@code traceparent}) carried across HTTP requests and events, so that one buyer action can
 * be followed through every service's logs. HTTP requests get theirs from {@link TraceFilter}; event handlers run
 * inside {@link #callWith} with the envelope's.
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";
    public static final String MDC_KEY = "traceId";
    static final String REQUEST_ATTRIBUTE = "ocop.traceparent";

    private static final Pattern VALID = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private TraceContext() {
    }

    /** The trace context of the event or request being handled on this thread, or a new root. */
    public static String current() {
        String traceparent = CURRENT.get();
        if (traceparent != null) {
            return traceparent;
        }
        return ServerRequestContext.currentRequest()
                .flatMap(request -> request.getAttribute(REQUEST_ATTRIBUTE, String.class))
                .orElseGet(TraceContext::newRoot);
    }

    /** Runs {@code work} with {@code traceparent} (or a new root when absent or malformed) as the current context. */
    public static <T> T callWith(@Nullable String traceparent, Supplier<T> work) {
        String previous = CURRENT.get();
        String effective = isValid(traceparent) ? childOf(traceparent) : newRoot();
        CURRENT.set(effective);
        MDC.put(MDC_KEY, traceId(effective));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
                MDC.remove(MDC_KEY);
            } else {
                CURRENT.set(previous);
                MDC.put(MDC_KEY, traceId(previous));
            }
        }
    }

    public static boolean isValid(@Nullable String traceparent) {
        return traceparent != null && VALID.matcher(traceparent).matches();
    }

    /** A new span in the same trace. */
    public static String childOf(String parent) {
        return "00-" + traceId(parent) + "-" + randomHex(8) + "-01";
    }

    public static String newRoot() {
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    public static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
