package vn.ocop.catalog;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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

    /** One cache per kind of key, so that computing a page may read a seller through the cache. */
    private final Map<Class<?>, LoadingCache<Keyed, Result>> caches = new ConcurrentHashMap<>();
    private final ExecutorService refresher = Executors.newVirtualThreadPerTaskExecutor();
    private final Duration life;
    private final long maxEntries;
    private final boolean enabled;

    ReadCache(@Value("${ocop.catalog.read-cache.ttl:5s}") Duration ttl,
              @Value("${ocop.catalog.read-cache.max-entries:20000}") long maxEntries) {
        this.enabled = !ttl.isZero();
        this.life = ttl;
        this.maxEntries = maxEntries;
    }

    /**
     * The cached value for {@code key} (a record: its kind and parameters), computed on a miss. A computation may read
     * other kinds of key through this cache, never its own kind.
     */
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key, Function<K, V> compute) {
        if (!enabled) {
            return compute.apply(key);
        }
        return (V) caches.computeIfAbsent(key.getClass(), kind -> newCache())
                .get(new Keyed(key, k -> compute.apply((K) k))).get();
    }

    private LoadingCache<Keyed, Result> newCache() {
        return Caffeine.newBuilder()
                .expireAfterWrite(life)
                .refreshAfterWrite(life.dividedBy(2))
                .maximumSize(maxEntries)
                .executor(refresher)
                .build(Keyed::load);
    }

    private void clear() {
        caches.values().forEach(LoadingCache::invalidateAll);
    }

    @EventListener
    void onProductChanged(ProductChanged event) {
        clear();
    }

    @EventListener
    void onStockChanged(StockChanged event) {
        clear();
    }

    @EventListener
    void onSellerChanged(SellerChanged event) {
        clear();
    }

    @EventListener
    void onCertificatesChanged(CertificatesChanged event) {
        clear();
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
