package vn.ocop.catalog.api;

/** The catalog service's stream. */
public final class CatalogEvents {

    public static final String STREAM = "ocop.catalog";

    private CatalogEvents() {
    }
}
