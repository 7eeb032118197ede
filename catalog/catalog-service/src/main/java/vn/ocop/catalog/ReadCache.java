package vn.ocop.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Function;
import vn.ocop.catalog.product.ProductChanged;
import vn.ocop.catalog.product.StockChanged;
import vn.ocop.catalog.registry.CertificatesChanged;
import vn.ocop.catalog.seller.SellerChanged;

/**
 * A short-lived cache of what anonymous buyers read most (search pages, product pages). A change made through this
 * instance empties it; changes made through other instances show after at most {@code ttl} (2 s by default), which
 * is what a buyer's page can lag: stock itself is decided by the reservation, never by this copy. A ttl of 0 turns
 * caching off.
 */
@Singleton
public class ReadCache {

    private final Cache<Object, Object> cache;
    private final boolean enabled;

    ReadCache(@Value("${ocop.catalog.read-cache.ttl:2s}") Duration ttl,
              @Value("${ocop.catalog.read-cache.max-entries:20000}") long maxEntries) {
        this.enabled = !ttl.isZero();
        this.cache = Caffeine.newBuilder().expireAfterWrite(enabled ? ttl : Duration.ofNanos(1)).maximumSize(maxEntries).build();
    }

    /** The cached value for {@code key} (a record: its kind and parameters), computed on a miss. */
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key, Function<K, V> compute) {
        if (!enabled) {
            return compute.apply(key);
        }
        return (V) cache.get(key, k -> compute.apply((K) k));
    }

    @EventListener
    void onProductChanged(ProductChanged event) {
        cache.invalidateAll();
    }

    @EventListener
    void onStockChanged(StockChanged event) {
        cache.invalidateAll();
    }

    @EventListener
    void onSellerChanged(SellerChanged event) {
        cache.invalidateAll();
    }

    @EventListener
    void onCertificatesChanged(CertificatesChanged event) {
        cache.invalidateAll();
    }
}
