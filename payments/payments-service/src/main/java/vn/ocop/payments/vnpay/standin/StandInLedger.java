package vn.ocop.payments.vnpay.standin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stand-in's memory of pay requests: each accepted request gets a "pay" and a "cancel" token, usable once
 * (using one spends the other) and only until the request expires.
 */
@Singleton
@Requires(property = StandInConfiguration.ENABLED, value = StringUtils.TRUE)
class StandInLedger {

    /** The two choices a buyer has on the stand-in's page. */
    record Tokens(String pay, String cancel) {
    }

    /** What a token lets its bearer do. */
    record Ticket(PayRequest request, boolean pay, String otherToken) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final Clock clock;

    StandInLedger(Clock clock) {
        this.clock = clock;
    }

    Tokens issue(PayRequest request) {
        tickets.values().removeIf(ticket -> !ticket.request().expiresAt().isAfter(clock.instant()));
        var tokens = new Tokens(token(), token());
        tickets.put(tokens.pay(), new Ticket(request, true, tokens.cancel()));
        tickets.put(tokens.cancel(), new Ticket(request, false, tokens.pay()));
        return tokens;
    }

    /** The token's ticket, once; nothing for an unknown, used or expired token. */
    Optional<Ticket> redeem(String token) {
        Ticket ticket = token == null ? null : tickets.remove(token);
        if (ticket == null) {
            return Optional.empty();
        }
        tickets.remove(ticket.otherToken());
        return ticket.request().expiresAt().isAfter(clock.instant()) ? Optional.of(ticket) : Optional.empty();
    }

    private static String token() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
