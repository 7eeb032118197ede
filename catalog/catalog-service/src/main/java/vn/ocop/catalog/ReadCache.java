package vn.ocop.catalog;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import vn.ocop.catalog.product.ProductChanged;
import vn.ocop.catalog.product.StockChanged;
import vn.ocop.catalog.registry.CertificatesChanged;
import vn.ocop.catalog.seller.SellerChanged;
import vn.ocop.platform.problem.ProblemException;

/**
 * A short-lived cache of what buyers read most (search pages, product pages, the sellers and certificates they show).
 * A change made through this instance empties it at once. Otherwise an entry is served for {@code ttl} (5 s by
 * default) from when it was read; once older than half of that, the next reader still gets it but a fresh copy is
 * read in the background, so hot pages never wait for the database. What another catalog instance changed therefore
 * shows here within {@code ttl}; stock itself is decided by the reservation, never by this copy. A problem answer (a
 * product not found) is cached like a value; other failures (the database unreachable) are not. A ttl of 0 turns
 * caching off.
 */
@Singleton
public class ReadCache {

    private final LoadingCache<Keyed, Result> cache;
    private final ExecutorService refresher = Executors.newVirtualThreadPerTaskExecutor();
    private final boolean enabled;

    ReadCache(@Value("${ocop.catalog.read-cache.ttl:5s}") Duration ttl,
              @Value("${ocop.catalog.read-cache.max-entries:20000}") long maxEntries) {
        this.enabled = !ttl.isZero();
        Duration life = enabled ? ttl : Duration.ofNanos(2);
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(life)
                .refreshAfterWrite(life.dividedBy(2))
                .maximumSize(maxEntries)
                .executor(refresher)
                .build(Keyed::load);
    }

    /** The cached value for {@code key} (a record: its kind and parameters), computed on a miss. */
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key, Function<K, V> compute) {
        if (!enabled) {
            return compute.apply(key);
        }
        return (V) cache.get(new Keyed(key, k -> compute.apply((K) k))).get();
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

    @PreDestroy
    void close() {
        refresher.shutdownNow();
    }

    /** A key with the function that computes its value; equal by key alone. */
    private record Keyed(Object key, Function<Object, Object> compute) {

        Result load() {
            try {
                return new Result(compute.apply(key), null);
            } catch (ProblemException e) {
                return new Result(null, e);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Keyed k && key.equals(k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(key);
        }
    }

    /** A computed value, or the problem computing it answered (rethrown to every reader while cached). */
    private record Result(Object value, ProblemException failure) {

        Object get() {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }
}
