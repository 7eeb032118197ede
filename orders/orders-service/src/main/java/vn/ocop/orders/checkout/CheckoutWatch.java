package vn.ocop.orders.checkout;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Lets a buyer's read wait for the checkout to change instead of polling: a change committed through this instance
 * wakes the waiting reads at once; a change made by another instance is seen by re-reading the checkout's revision
 * every {@link #RECHECK}. Waiting holds no database connection and, on virtual threads, no platform thread.
 */
@Singleton
class CheckoutWatch {

    static final Duration RECHECK = Duration.ofMillis(250);

    private final Map<UUID, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private final TransactionOperations<Connection> transactions;

    CheckoutWatch(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Called in the transaction that changes the checkout (or one of its orders): wakes its readers once it commits. */
    void changed(UUID checkoutId) {
        transactions.findTransactionStatus().ifPresent(status -> status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                CompletableFuture<Void> woken = waiting.remove(checkoutId);
                if (woken != null) {
                    woken.complete(null);
                }
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
            CompletableFuture<Void> next = waiting.computeIfAbsent(checkoutId, id -> new CompletableFuture<>());
            if (revision.getAsLong() != known) {
                return true;
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                waiting.remove(checkoutId, next);
                return false;
            }
            try {
                next.get(Math.min(left, RECHECK.toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // re-read the revision: another instance may have changed it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
