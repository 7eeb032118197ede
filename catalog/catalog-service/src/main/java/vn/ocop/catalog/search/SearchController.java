package vn.ocop.catalog.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import vn.ocop.catalog.ReadCache;
import vn.ocop.catalog.registry.OcopGroup;

/** Search and browse the products on sale. */
@Controller("/api/v1/products")
@Secured(SecurityRule.IS_ANONYMOUS)
class SearchController {

    private final ProductSearch search;
    private final ReadCache cache;

    SearchController(ProductSearch search, ReadCache cache) {
        this.search = search;
        this.cache = cache;
    }

    /**
     * Products on sale matching {@code q} ("gao st25" finds "Gạo ST25"), filtered, in the order asked, a page at a
     * time, with facet counts over everything that matches.
     */
    @Get
    ProductSearch.Result search(@QueryValue @Nullable @Size(max = 100) String q,
                                @QueryValue @Nullable @Min(1) @Max(5) Integer stars,
                                @QueryValue @Nullable OcopGroup group,
                                @QueryValue @Nullable @Pattern(regexp = "\\d{2}") String province,
                                @QueryValue @Nullable @Pattern(regexp = "\\d{5}") String commune,
                                @QueryValue @Nullable @PositiveOrZero Long minPrice,
                                @QueryValue @Nullable @PositiveOrZero Long maxPrice,
                                @QueryValue @Nullable UUID seller,
                                @QueryValue(defaultValue = "false") boolean inStock,
                                @QueryValue(defaultValue = "RELEVANCE") SearchQuery.Sort sort,
                                @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
                                @QueryValue @Nullable @Size(max = 200) String cursor) {
        return cache.get(new SearchQuery(q, stars, group, province, commune, minPrice, maxPrice, seller, inStock, sort, limit,
                cursor), search::search);
    }
}
