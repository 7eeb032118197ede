package vn.ocop.platform.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import vn.ocop.platform.security.Roles;

@Controller("/problem-test")
@Requires(property = "spec.name", value = "ProblemJsonSpec")
@Secured(SecurityRule.IS_ANONYMOUS)
class ProblemTestController {

    @Serdeable
    record OrderLine(@NotBlank String sku, @NotNull @Positive Integer quantity) {
    }

    @Serdeable
    record PlaceOrder(@NotBlank String buyer, @NotEmpty List<@Valid OrderLine> lines) {
    }

    @Post("/orders")
    Map<String, Object> place(@Body @Valid PlaceOrder order) {
        return Map.of("lines", order.lines().size());
    }

    @Get("/page")
    Map<String, Object> page(@QueryValue @Max(100) Integer limit) {
        return Map.of("limit", limit);
    }

    @Get("/taken")
    Map<String, Object> taken() {
        throw ProblemException.conflict("lot_taken", "Lot {0} is already registered", "ST25-2026-001");
    }

    @Get("/boom")
    Map<String, Object> boom() {
        throw new IllegalStateException("SELECT secret FROM accounts WHERE password = hunter2");
    }

    @Get("/admin-only")
    @Secured(Roles.ADMIN)
    Map<String, Object> adminOnly() {
        return Map.of("ok", true);
    }
}
