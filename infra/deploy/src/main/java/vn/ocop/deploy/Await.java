package vn.ocop.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Waiting for the eventually consistent parts of the system (events take milliseconds, not zero). */
final class Await {

    private Await() {
    }

    static <T> T until(String what, Duration patience, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(patience);
        long pause = 20;
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("gave up after " + patience.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
            pause = Math.min(pause * 2, 250);
        }
    }
}
