package vn.ocop.catalog.search;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.util.StringUtils;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.catalog.ReferenceData;
import vn.ocop.catalog.product.Product;
import vn.ocop.catalog.product.ProductRepository;

/**
 * Rebuilds the whole search index at start-up when its format changed ({@link #VERSION}), including the first start
 * after the index was introduced. The version row stays locked meanwhile, so one instance rebuilds.
 */
@Singleton
@Requires(property = "flyway.datasources.default.enabled", notEquals = StringUtils.FALSE)
class ListingIndexBuilder {

    /** Change whenever {@link SearchText} or the listing columns change meaning. */
    static final String VERSION = "2025.1-w-prefix";
    private static final String NAME = "listings-index";
    private static final Logger LOG = LoggerFactory.getLogger(ListingIndexBuilder.class);
    private static final int BATCH = 500;
    private static final UUID FIRST = new UUID(0, 0);

    private final ReferenceData referenceData;
    private final ProductRepository products;
    private final ListingIndex index;
    private final Clock clock;

    ListingIndexBuilder(ReferenceData referenceData, ProductRepository products, ListingIndex index, Clock clock) {
        this.referenceData = referenceData;
        this.products = products;
        this.index = index;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        rebuildIfStale();
    }

    /** True if it rebuilt. */
    @Transactional
    boolean rebuildIfStale() {
        if (VERSION.equals(referenceData.lockChecksum(NAME).orElse(""))) {
            return false;
        }
        long started = System.nanoTime();
        int count = 0;
        UUID after = FIRST;
        List<Product> batch;
        do {
            batch = products.findByIdGreaterThan(after, Pageable.from(0, BATCH, Sort.of(Sort.Order.asc("id"))));
            index.refresh(batch);
            count += batch.size();
            after = batch.isEmpty() ? after : batch.getLast().id();
        } while (batch.size() == BATCH);
        referenceData.loaded(NAME, VERSION, count, clock.instant());
        LOG.info("rebuilt the search index over {} products in {} ms", count, (System.nanoTime() - started) / 1_000_000);
        return true;
    }
}
