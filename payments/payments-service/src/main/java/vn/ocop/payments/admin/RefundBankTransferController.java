package vn.ocop.payments.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import vn.ocop.payments.refund.BankTransferRefunds;
import vn.ocop.payments.refund.BankTransferRefunds.PayeeStatus;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.time.VietnamTime;

/**
 * Refunds of VietQR payments for the finance team, who give the money back by bank transfer since no provider can: the
 * refunds owed (JSON a page at a time, or the whole list as a bank's bulk-transfer CSV), and the outcome of each
 * transfer as the bank reports it, sent or failed. Administrators only.
 */
@Controller("/api/v1/admin/payments/refunds")
@Secured(Roles.ADMIN)
class RefundBankTransferController {

    private final BankTransferRefunds refunds;
    private final Clock clock;

    RefundBankTransferController(BankTransferRefunds refunds, Clock clock) {
        this.refunds = refunds;
        this.clock = clock;
    }

    /**
     * A transfer the bank made: its reference (as on the statement), when it was made (ISO-8601; Viet Nam's time when
     * no offset is given), optionally the amount seen on the statement (it must be the refund's), and the account the
     * money went to when the notifications name none or the buyer gave another.
     */
    @Serdeable
    record TransferReport(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*",
                                  message = "letters, digits and . _ / - as the bank wrote it") String bankReference,
                          @NotBlank String transferredAt,
                          @Nullable Long amountVnd,
                          @Nullable @Pattern(regexp = "[A-Za-z0-9]{4,32}", message = "4 to 32 letters or digits") String accountNumber,
                          @Nullable @Size(max = 200) String accountName,
                          @Nullable @Size(max = 64) String bank) {
    }

    /** Why the money could not be sent, e.g. "Tài khoản người nhận đã đóng". */
    @Serdeable
    record FailureReport(@NotBlank @Size(max = 500) String reason) {
    }

    @Operation(summary = "The VietQR refunds owed, oldest first, each with the payee the bank notifications named, a page at "
            + "a time")
    @Get(value = "/bank-transfers", produces = MediaType.APPLICATION_JSON)
    BankTransferRefunds.OwedPage owed(@QueryValue @Nullable String cursor,
                                      @QueryValue(defaultValue = "" + BankTransferRefunds.DEFAULT_LIMIT) @Min(1)
                                      @Max(BankTransferRefunds.MAX_LIMIT) int limit) {
        return refunds.owed(cursor, limit);
    }

    @Operation(summary = "The VietQR refunds owed as a CSV file a bank's bulk-transfer import takes (UTF-8, RFC 4180); "
            + "payee=KNOWN keeps only the rows with an account to pay")
    @Get(value = "/bank-transfers.csv", produces = "text/csv")
    HttpResponse<byte[]> csv(@QueryValue @Nullable String payee) {
        PayeeStatus wanted = payee == null || payee.isBlank() ? null : status(payee);
        List<BankTransferRefunds.Owed> rows = refunds.allOwed().stream()
                .filter(r -> wanted == null || r.payee().status() == wanted).toList();
        return HttpResponse.ok(RefundTransferCsv.write(rows).getBytes(StandardCharsets.UTF_8))
                .contentType(new MediaType("text/csv", Map.of("charset", "utf-8")))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + RefundTransferCsv.fileName(clock.instant()) + "\"");
    }

    @Operation(summary = "Records that a VietQR refund was sent by bank transfer: SUCCEEDED, RefundCompleted (the same "
            + "reference again answers the same result)")
    @Post(value = "/{id}/bank-transfer", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    BankTransferRefunds.Recorded transferred(@PathVariable UUID id, @Body @Valid TransferReport report,
                                             Authentication authentication) {
        var transfer = new BankTransferRefunds.Transfer(report.bankReference(), instant(report.transferredAt()),
                report.amountVnd(), report.accountNumber(), report.accountName(), report.bank());
        return refunds.recordTransfer(id, transfer, Caller.of(authentication).accountId());
    }

    @Operation(summary = "Records that a VietQR refund could not be sent by bank transfer: FAILED (the same reason again "
            + "answers the same result)")
    @Post(value = "/{id}/bank-transfer-failure", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    BankTransferRefunds.Recorded failed(@PathVariable UUID id, @Body @Valid FailureReport report, Authentication authentication) {
        return refunds.recordFailure(id, report.reason(), Caller.of(authentication).accountId());
    }

    private static PayeeStatus status(String text) {
        try {
            return PayeeStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("payee", "one of " + Arrays.toString(PayeeStatus.values()));
        }
    }

    /** An ISO-8601 date and time; one without an offset is Viet Nam's time, as the bank's statement shows it. */
    private static Instant instant(String text) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(VietnamTime.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField("transferredAt",
                        "an ISO-8601 date and time, e.g. 2026-11-24T10:15:00+07:00 (Viet Nam's time when no offset is given)");
            }
        }
    }
}
