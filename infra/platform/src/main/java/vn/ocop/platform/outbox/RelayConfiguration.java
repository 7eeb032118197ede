package vn.ocop.platform.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of the outbox relay ({@code ocop.events.relay.*}).
 *
 * @param enabled         run the relay in this instance
 * @param batchSize       rows appended per transaction
 * @param pollInterval    how often the relay looks for rows it was not told about (other instances, crashes);
 *                        rows committed in this instance wake it at once
 * @param maxStreamLength approximate cap of the stream length ({@code XADD MAXLEN ~}); 0 for none
 * @param retention       how long sent rows are kept before they are purged
 */
@ConfigurationProperties("ocop.events.relay")
public record RelayConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "200") int batchSize,
        @Bindable(defaultValue = "1s") Duration pollInterval,
        @Bindable(defaultValue = "1000000") long maxStreamLength,
        @Bindable(defaultValue = "72h") Duration retention) {
}
