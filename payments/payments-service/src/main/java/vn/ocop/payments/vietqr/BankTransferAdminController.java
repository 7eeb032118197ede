package vn.ocop.payments.vietqr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.time.VietnamTime;

/** Bank transfers for administrators: above all the unmatched ones, money that arrived naming no payment of ours. */
@Controller("/api/v1/admin/payments/bank-transfers")
@Secured(Roles.ADMIN)
class BankTransferAdminController {

    private static final Set<String> OUTCOMES = Set.of("PARTIAL", "PAID", "OVERPAID", "EXCESS", "LATE", "HELD", BankTransfer.UNMATCHED);

    private final BankTransfers transfers;

    BankTransferAdminController(BankTransfers transfers) {
        this.transfers = transfers;
    }

    @Operation(summary = "The latest 200 bank transfers with an outcome (UNMATCHED unless asked otherwise), newest first")
    @Get(produces = MediaType.APPLICATION_JSON)
    List<Row> list(@QueryValue @Nullable String outcome) {
        String wanted = outcome == null ? BankTransfer.UNMATCHED : outcome;
        if (!OUTCOMES.contains(wanted)) {
            throw ProblemException.invalidField("outcome", "one of " + String.join(", ", OUTCOMES.stream().sorted().toList()));
        }
        return transfers.findTop200ByOutcomeOrderByReceivedAtDesc(wanted).stream().map(Row::of).toList();
    }

    /** A bank transfer as an administrator sees it; times also in Viet Nam's time. */
    @Serdeable
    record Row(UUID id, String source, String transactionId, long amountVnd, String description, String accountNumber,
               @Nullable String counterAccountNumber, @Nullable String counterAccountName, @Nullable String counterBank,
               Instant transferredAt, OffsetDateTime transferredAtLocal, @Nullable String reference, String outcome,
               long excessVnd, @Nullable UUID refundId, Instant receivedAt) {

        static Row of(BankTransfer t) {
            return new Row(t.id(), t.source(), t.transactionId(), t.amountVnd(), t.description(), t.accountNumber(),
                    t.counterAccountNumber(), t.counterAccountName(), t.counterBank(), t.transferredAt(),
                    t.transferredAt().atZone(VietnamTime.ZONE).toOffsetDateTime(), t.txnRef(), t.outcome(), t.excessVnd(),
                    t.refundId(), t.receivedAt());
        }
    }
}
