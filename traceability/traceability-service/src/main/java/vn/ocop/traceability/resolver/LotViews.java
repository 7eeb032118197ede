package vn.ocop.traceability.resolver;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The resolver's in-memory lot views, by lot code, so that a scan reads nothing from the database: bounded
 * ({@code max-lots}, least recently used dropped first), re-read in the background when older than
 * {@code refresh-after} (the scan that notices gets the stale view, the next ones the fresh one), dropped when not
 * re-read for {@code expire-after}. Codes that name no lot are not cached (a code registered later resolves at once).
 *
 * <p>A recall made through this instance invalidates the lot's view at once ({@link #invalidate}); what changes
 * elsewhere (another instance's recall, new chain links, a product or growing area changed) shows within
 * {@code refresh-after} of the next scan.
 *
 * <p>Serials are checked against the lot through a second cache (serial to lot id), which keeps only serials that
 * exist: serials are never deleted or moved, so a cached answer never goes stale, and an unknown serial (a copied or
 * made-up label) is looked up every time.
 */
@Singleton
public class LotViews {

    private final ExecutorService refresher = Executors.newVirtualThreadPerTaskExecutor();
    private final LoadingCache<String, LotView> views;
    private final LoadingCache<String, String> serials;

    LotViews(LotViewLoader loader, ResolverReads reads, ResolverSettings settings) {
        this.views = Caffeine.newBuilder()
                .maximumSize(settings.maxLots())
                .refreshAfterWrite(settings.refreshAfter())
                .expireAfterWrite(settings.expireAfter())
                .executor(refresher)
                .build(code -> loader.load(code).orElse(null));
        this.serials = Caffeine.newBuilder()
                .maximumSize(settings.maxSerials())
                .build(serial -> reads.lotOfSerial(serial).orElse(null));
    }

    /** The view of the lot with this code; empty when no lot has it. */
    public Optional<LotView> find(String code) {
        return Optional.ofNullable(views.get(code));
    }

    /** Whether the serial was issued for a unit of that lot. */
    public boolean hasSerial(LotView view, String serial) {
        @Nullable String lotId = serials.get(serial);
        return lotId != null && UUID.fromString(lotId).equals(view.lotId());
    }

    /** Drops the view of a lot (after a recall through this instance), so that the next scan reads it anew. */
    public void invalidate(String code) {
        views.invalidate(code);
    }

    /** Drops every view (for specs that re-create lots under codes used before). */
    public void invalidateAll() {
        views.invalidateAll();
        serials.invalidateAll();
    }

    @PreDestroy
    void close() {
        refresher.shutdownNow();
    }
}
