package vn.ocop.traceability.api;

/** The traceability service's stream. */
public final class TraceabilityEvents {

    public static final String STREAM = "ocop.traceability";

    private TraceabilityEvents() {
    }
}
