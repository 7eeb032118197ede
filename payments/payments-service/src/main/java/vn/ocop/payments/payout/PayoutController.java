package vn.ocop.payments.payout;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/** Payout batches, for administrators: run one now for a cut-off, read it, export it for the bank. */
@Controller("/api/v1/admin/payments/payout-batches")
@Secured(Roles.ADMIN)
class PayoutController {

    private final Payouts payouts;
    private final PayoutReads reads;

    PayoutController(Payouts payouts, PayoutReads reads) {
        this.payouts = payouts;
        this.reads = reads;
    }

    /** Pay what was available by {@code cutoff} (an instant, e.g. {@code 2026-11-23T00:00:00+07:00}). */
    @Serdeable
    record BatchRequest(@NotNull Instant cutoff) {
    }

    @Operation(summary = "Runs the payout batch for a cut-off now (201), or answers the one already made for it (200)")
    @Post
    HttpResponse<PayoutBatchView> run(@Body @Valid BatchRequest request, Authentication authentication) {
        var run = payouts.run(request.cutoff(), Caller.of(authentication).accountId());
        var view = reads.view(run.batchId(), run.created());
        return run.created() ? HttpResponse.created(view) : HttpResponse.ok(view);
    }

    @Operation(summary = "A payout batch: its payouts (accounts masked) and the sellers it skipped")
    @Get("/{id}")
    PayoutBatchView show(@PathVariable UUID id) {
        return reads.view(id, false);
    }

    @Operation(summary = "A payout batch as a CSV file a bank imports (UTF-8, RFC 4180)")
    @Get(value = "/{id}/payouts.csv", produces = "text/csv")
    HttpResponse<byte[]> csv(@PathVariable UUID id) {
        var file = reads.csv(id);
        return HttpResponse.ok(file.text().getBytes(StandardCharsets.UTF_8))
                .contentType(new MediaType("text/csv", Map.of("charset", "utf-8")))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"");
    }
}
