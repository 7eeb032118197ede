package vn.ocop.orders.checkout;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a buyer's read wait for the checkout to change instead of polling. A change committed through this instance
 * wakes the waiting reads at once; for changes made through another instance, one sweep every
 * {@code ocop.orders.watch.recheck} (default 250 ms) reads the revisions of every awaited checkout in one statement
 * and wakes those that moved, so many waiting buyers cost one query per sweep, not one each. Waiting holds no
 * database connection and, on virtual threads, no platform thread.
 */
@Singleton
class CheckoutWatch {

    private static final Logger LOG = LoggerFactory.getLogger(CheckoutWatch.class);
    private static final int MAX_PER_QUERY = 500;

    /** The readers of one checkout, waiting for it to leave {@code revision}. */
    private record Watch(long revision, CompletableFuture<Void> changed) {
    }

    private final Map<UUID, Watch> waiting = new ConcurrentHashMap<>();
    private final TransactionOperations<Connection> transactions;
    private final Repositories.Checkouts checkouts;

    CheckoutWatch(TransactionOperations<Connection> transactions, Repositories.Checkouts checkouts) {
        this.transactions = transactions;
        this.checkouts = checkouts;
    }

    /** Called in the transaction that changes the checkout (or one of its orders): wakes its readers once it commits. */
    void changed(UUID checkoutId) {
        transactions.findTransactionStatus().ifPresent(status -> status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake(checkoutId);
            }
        }));
    }

    /**
     * Waits until {@code revision} differs from {@code known} or {@code patience} has passed.
     *
     * @return whether it changed
     */
    boolean awaitChange(UUID checkoutId, long known, Duration patience, LongSupplier revision) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Watch watch = waiting.computeIfAbsent(checkoutId, id -> new Watch(known, new CompletableFuture<>()));
            if (revision.getAsLong() != known) {
                return true;
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                waiting.remove(checkoutId, watch);
                return false;
            }
            try {
                watch.changed().get(left, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                waiting.remove(checkoutId, watch);
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Whether some read is waiting for this checkout to change. */
    boolean awaited(UUID checkoutId) {
        return waiting.containsKey(checkoutId);
    }

    /** Wakes the readers of checkouts changed through other instances. */
    @Scheduled(fixedDelay = "${ocop.orders.watch.recheck:250ms}")
    void recheck() {
        try {
            List<UUID> awaited = List.copyOf(waiting.keySet());
            for (int from = 0; from < awaited.size(); from += MAX_PER_QUERY) {
                for (Repositories.Revision current : checkouts.revisions(awaited.subList(from,
                        Math.min(awaited.size(), from + MAX_PER_QUERY)))) {
                    Watch watch = waiting.get(current.id());
                    if (watch != null && watch.revision() != current.revision()) {
                        wake(current.id());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("re-reading awaited checkouts failed; trying again", e);
        }
    }

    private void wake(UUID checkoutId) {
        Watch woken = waiting.remove(checkoutId);
        if (woken != null) {
            woken.changed().complete(null);
        }
    }
}
