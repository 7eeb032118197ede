package vn.ocop.catalog.search;

import io.micronaut.core.annotation.Nullable;
import java.util.UUID;
import vn.ocop.catalog.registry.OcopGroup;

/**
 * What a buyer asks of the catalogue: words, filters, an order, a page.
 *
 * @param q        words, matched without accents or case; the last word may be unfinished
 * @param minStars only products whose valid OCOP certificate has at least this many stars
 * @param minPrice lowest "from" price, whole dong
 * @param maxPrice highest "from" price, whole dong
 * @param cursor   the {@code nextCursor} of the previous page
 */
record SearchQuery(@Nullable String q, @Nullable Integer minStars, @Nullable OcopGroup group, @Nullable String province,
                   @Nullable String commune, @Nullable Long minPrice, @Nullable Long maxPrice, @Nullable UUID seller,
                   boolean inStock, Sort sort, int limit, @Nullable String cursor) {

    /** The orders a result can come in. */
    enum Sort {
        /** Best match first (name matches count more), then newest; without words, the same as NEWEST. */
        RELEVANCE,
        PRICE_ASC,
        PRICE_DESC,
        NEWEST,
        BEST_SELLING
    }
}
