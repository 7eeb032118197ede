package vn.ocop.payments.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.UUID;
import vn.ocop.payments.refund.AdminRefunds;
import vn.ocop.platform.idempotency.IdempotentRequests;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/**
 * Refunds asked for by an administrator (issue 5, point 6: "by an officer/admin"), for instance after a complaint the
 * orders workflow does not cover. Administrators only: an officer's authority is over a province, and payments keeps no
 * province per checkout, so it could not check that an officer's refund concerns the officer's own province.
 * An {@code Idempotency-Key} is required: the same key and body answer the first response again, another body a 422.
 * A refused request records nothing (and no key either, so correcting it and sending it again with the key works).
 */
@Controller("/api/v1/admin/payments/refunds")
@Secured(Roles.ADMIN)
class AdminRefundController {

    private final AdminRefunds refunds;
    private final IdempotentRequests idempotency;

    AdminRefundController(AdminRefunds refunds, IdempotentRequests idempotency) {
        this.refunds = refunds;
        this.idempotency = idempotency;
    }

    @Operation(summary = "Records a refund of a checkout's captured payment (optionally one seller order's share); "
            + "the refund worker sends it to the provider")
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Transactional
    HttpResponse<?> refund(@Header(IdempotentRequests.HEADER) @Nullable String idempotencyKey,
                           @Body @Valid RefundOrder order, Authentication authentication) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ProblemException.invalidField(IdempotentRequests.HEADER, "header is required");
        }
        UUID administrator = Caller.of(authentication).accountId();
        String scope = "admin-refund:" + administrator;
        var earlier = idempotency.claim(scope, idempotencyKey, order);
        if (earlier.isPresent()) {
            return HttpResponse.status(HttpStatus.valueOf(earlier.get().status())).body(earlier.get().body())
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        AdminRefunds.Recorded recorded = refunds.record(order.checkoutId(), order.orderId(), order.amountVnd(),
                order.reason().strip(), administrator);
        idempotency.complete(scope, idempotencyKey, HttpStatus.CREATED, recorded);
        return HttpResponse.created(recorded);
    }
}
