package vn.ocop.payments.payout;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.platform.time.VietnamTime;

/**
 * Runs payout batches: weekly on the schedule {@code ocop.payments.payouts.cron} (default Monday 02:00, Viet Nam time)
 * for the cut-off at the start of that week (Monday 00:00 in Viet Nam), and on an administrator's request for any past
 * cut-off ({@code ocop.payments.payouts.schedule.enabled: false} leaves it to administrators). Every instance runs
 * the schedule; the batch's unique cut-off lets one of them make it, and the others find it made.
 */
@Singleton
class Payouts {

    private static final Logger LOG = LoggerFactory.getLogger(Payouts.class);

    private final PayoutBatches batches;
    private final Clock clock;
    private final boolean scheduled;
    private volatile boolean running = true;

    Payouts(PayoutBatches batches, Clock clock, @Value("${ocop.payments.payouts.schedule.enabled:true}") boolean scheduled) {
        this.batches = batches;
        this.clock = clock;
        this.scheduled = scheduled;
    }

    /** The batch for {@code cutoff}: made now, or found when it exists (or another instance made it meanwhile). */
    PayoutBatches.Run run(Instant cutoff, @Nullable UUID requestedBy) {
        try {
            return batches.run(cutoff, requestedBy);
        } catch (RuntimeException e) {
            var made = batches.find(cutoff.truncatedTo(ChronoUnit.MICROS));
            if (made.isPresent()) {
                return new PayoutBatches.Run(made.get(), false);
            }
            throw e;
        }
    }

    /** The start of the current week in Viet Nam: Monday 00:00 (GMT+7). */
    Instant weekStart() {
        return VietnamTime.today(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(VietnamTime.ZONE).toInstant();
    }

    @Scheduled(cron = "${ocop.payments.payouts.cron:0 0 2 * * MON}", zoneId = "Asia/Ho_Chi_Minh")
    void weekly() {
        if (!running || !scheduled) {
            return;
        }
        try {
            var run = run(weekStart(), null);
            LOG.info("weekly payout batch {} ({})", run.batchId(), run.created() ? "made" : "already made");
        } catch (RuntimeException e) {
            LOG.error("the weekly payout batch failed; an administrator can run it for the same cut-off", e);
        }
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        running = false;
    }
}
