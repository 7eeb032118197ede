package vn.ocop.platform.event;

/** Stream naming: one stream per producing service. */
public final class Streams {

    public static final String PREFIX = "ocop.";

    private Streams() {
    }

    public static String of(String service) {
        return PREFIX + service;
    }
}
