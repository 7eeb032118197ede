package vn.ocop.payments.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/** A seller's money at the platform: balances and ledger entries (the seller itself, or an administrator). */
@Controller("/api/v1/payments/sellers/{sellerId}")
@Secured({Roles.SELLER, Roles.ADMIN})
class LedgerController {

    private final LedgerQueries queries;

    LedgerController(LedgerQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "The seller's balances: pending (paid, not completed), available, owed to the platform, payable")
    @Get("/balance")
    LedgerQueries.Balance balance(@PathVariable UUID sellerId, Authentication authentication) {
        return queries.balance(Caller.of(authentication), sellerId);
    }

    @Operation(summary = "The seller's ledger entries, newest first, a page at a time")
    @Get("/ledger-entries")
    LedgerQueries.EntryPage entries(@PathVariable UUID sellerId, @QueryValue @Nullable String cursor,
                                    @QueryValue(defaultValue = "20") @Min(1) @Max(LedgerQueries.MAX_LIMIT) int limit,
                                    Authentication authentication) {
        return queries.entries(Caller.of(authentication), sellerId, cursor, limit);
    }
}
