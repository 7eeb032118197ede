package vn.ocop.traceability.scan;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of the scan log and its counterfeit signals ({@code ocop.traceability.scans.*}).
 *
 * @param flushInterval      how often the background worker writes the scans queued since its last run
 * @param queueCapacity      how many scans may wait in memory; beyond that, scans are not logged (counted in
 *                           {@code ocop.traceability.scans.dropped}) rather than slowing the resolver down
 * @param maxBatch           the most scans one write takes (the rest wait for the next, right after)
 * @param maxScansPerSerial  a serialised unit resolved more often than this is flagged SERIAL_OVERSCANNED
 * @param farApartKm         two scans of one code at places at least this far apart (geodesic, WGS 84)...
 * @param farApartWithin     ...within this time of each other are flagged FAR_APART
 * @param farApartLotCodes   whether the FAR_APART rule also applies to lot codes scanned without a serial (a lot's
 *                           bags share its code, so far-apart scans of a lot sold across the country can be
 *                           legitimate: officers judge); serials always
 */
@ConfigurationProperties("ocop.traceability.scans")
public record ScanSettings(
        @Bindable(defaultValue = "100ms") Duration flushInterval,
        @Bindable(defaultValue = "50000") int queueCapacity,
        @Bindable(defaultValue = "2000") int maxBatch,
        @Bindable(defaultValue = "20") int maxScansPerSerial,
        @Bindable(defaultValue = "300") double farApartKm,
        @Bindable(defaultValue = "2h") Duration farApartWithin,
        @Bindable(defaultValue = "true") boolean farApartLotCodes) {
}
