package vn.ocop.platform.security;

/** The roles identity issues, as they appear in the token's {@code roles} claim. */
public final class Roles {

    public static final String BUYER = "BUYER";
    public static final String SELLER = "SELLER";
    public static final String HELPER = "HELPER";
    public static final String OFFICER = "OFFICER";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
