package vn.ocop.identity.api;

/** The identity service's stream. */
public final class IdentityEvents {

    public static final String STREAM = "ocop.identity";

    private IdentityEvents() {
    }
}
