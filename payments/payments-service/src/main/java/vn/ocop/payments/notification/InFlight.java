package vn.ocop.payments.notification;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lets identical notifications that arrive together share one handling in this instance: the first runs it, the
 * copies that arrive while it runs wait for its outcome instead of queueing on the same row lock, each holding a
 * database connection. Providers send such copies (VNPay retries, a bank's gateway replays); the database's row lock
 * stays what keeps them from settling twice across instances, this only spares the work.
 *
 * @param <K> what makes two notifications the same, e.g. their exact signed query
 * @param <V> the outcome of handling one
 */
public final class InFlight<K, V> {

    /** The outcome, and whether it is another caller's (this caller's copy arrived while that one was handled). */
    public record Outcome<V>(V value, boolean shared) {
    }

    private final ConcurrentHashMap<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

    /**
     * Runs {@code handling} unless a caller with the same key is already running it, in which case this waits for
     * that caller's outcome (or its exception, rethrown) and returns it as shared.
     */
    public Outcome<V> run(K key, Supplier<V> handling) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> first = running.putIfAbsent(key, mine);
        if (first != null) {
            try {
                return new Outcome<>(first.join(), true);
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            V value = handling.get();
            mine.complete(value);
            return new Outcome<>(value, false);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    /** How many distinct keys are being handled now. */
    public int size() {
        return running.size();
    }
}
