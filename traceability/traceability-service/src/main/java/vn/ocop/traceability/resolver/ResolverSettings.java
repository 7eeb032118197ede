package vn.ocop.traceability.resolver;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of the public resolver ({@code ocop.traceability.resolver.*}).
 *
 * @param maxLots         how many lot views the in-memory cache holds (least recently used go first)
 * @param refreshAfter    a view older than this is re-read in the background on its next scan, the stale one answering
 *                        meanwhile: how long another instance's recall, a new chain link or a product change may take to
 *                        show (this instance's own recalls show at once)
 * @param expireAfter     a view not re-read for this long (no scans) is dropped and read again on the next scan
 * @param verifyMaxAge    a chain's verdict is reused while its length and head are unchanged, for at most this long:
 *                        how long an alteration of a stored event that leaves the chain head alone may go unnoticed
 *                        by the page (the verify endpoint always recomputes)
 * @param maxSerials      how many serial-to-lot answers the cache holds
 * @param maxOrigins      the most lots the page shows as "made from", over all levels
 * @param catalogUrl      the catalog's public base URL, for the product's page (the link to its OCOP certificate)
 */
@ConfigurationProperties("ocop.traceability.resolver")
public record ResolverSettings(
        @Bindable(defaultValue = "10000") int maxLots,
        @Bindable(defaultValue = "5s") Duration refreshAfter,
        @Bindable(defaultValue = "60s") Duration expireAfter,
        @Bindable(defaultValue = "10m") Duration verifyMaxAge,
        @Bindable(defaultValue = "200000") int maxSerials,
        @Bindable(defaultValue = "20") int maxOrigins,
        @Bindable(defaultValue = "http://127.0.0.1:8082") String catalogUrl) {
}
